// SSO logins in progress, in memory: started by an unauthenticated client, so bounded in number (in
// all and per IP) and in age. Each is found by the code the client polls with, or by the `state`
// the provider sends back to the callback; its result is handed out once.
import { randomBytes } from "node:crypto";
import { abuseSubject } from "../net/cidr.ts";
import type { Device } from "../auth/sessions.ts";
import type { User } from "../users/model.ts";

export const PENDING_TTL_MS = 5 * 60_000;

export type PendingResult =
  | { kind: "token"; token: string; user: User }
  | { kind: "challenge"; secret: string; name: string }
  | { kind: "error"; message: string };

export interface PendingLogin {
  readonly code: string;
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly provider: string;
  readonly device: Device;
  readonly ip: string;
  readonly createdAt: number;
  /** The base URL the client reached us by: the callback is built from it. */
  readonly base: string;
  /** A console sign-in: the same-origin path the browser returns to. */
  readonly next?: string;
  /** Set once the browser has been sent to the provider: the link cannot be used again. */
  started: boolean;
  /** A callback is exchanging the code. */
  completing?: boolean;
  result?: PendingResult;
}

const token = (bytes: number) => randomBytes(bytes).toString("base64url");

export class PendingLogins {
  private readonly byCode = new Map<string, PendingLogin>();
  private readonly byState = new Map<string, PendingLogin>();

  constructor(
    private readonly max: number,
    private readonly maxPerIp: number,
  ) {}

  get size(): number {
    return this.byCode.size;
  }

  /** A new pending login, or a reason it is refused. */
  start(o: { provider: string; device: Device; ip: string; base: string; now: number; next?: string }): PendingLogin | "full" | "ip_full" {
    this.expire(o.now);
    if (this.byCode.size >= this.max) return "full";
    const subject = abuseSubject(o.ip);
    let fromIp = 0;
    for (const p of this.byCode.values()) if (abuseSubject(p.ip) === subject) fromIp++;
    if (fromIp >= this.maxPerIp) return "ip_full";
    const login: PendingLogin = { code: token(18), state: token(24), nonce: token(24), verifier: token(32), provider: o.provider, device: o.device, ip: o.ip, createdAt: o.now, base: o.base, started: false, ...(o.next === undefined ? {} : { next: o.next }) };
    this.byCode.set(login.code, login);
    this.byState.set(login.state, login);
    return login;
  }

  byPollCode(code: string, now: number): PendingLogin | undefined {
    return this.fresh(this.byCode.get(code), now);
  }

  byCallbackState(state: string, now: number): PendingLogin | undefined {
    return this.fresh(this.byState.get(state), now);
  }

  /** Checked one by one too: the sweep below stops at the first fresh entry, and clocks can step back. */
  private fresh(login: PendingLogin | undefined, now: number): PendingLogin | undefined {
    this.expire(now);
    if (login && now - login.createdAt >= PENDING_TTL_MS) {
      this.remove(login);
      return undefined;
    }
    return login;
  }

  /** The first result stands. */
  finish(login: PendingLogin, result: PendingResult): void {
    login.result ??= result;
  }

  remove(login: PendingLogin): void {
    this.byCode.delete(login.code);
    this.byState.delete(login.state);
  }

  /** Oldest first (insertion order), so this stops at the first one still fresh. */
  private expire(now: number): void {
    for (const login of this.byCode.values()) {
      if (now - login.createdAt < PENDING_TTL_MS) break;
      this.remove(login);
    }
  }
}
