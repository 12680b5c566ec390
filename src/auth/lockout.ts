// Brute-force protection for login and code checks: failures per source IP and per account in a
// sliding window; past a threshold the key is locked out for a while. Soft state in memory, with a
// hard cap on tracked keys so a flood of addresses or names cannot grow it without bound.
import type { Config } from "../config/schema.ts";
import { BoundedMap } from "../net/bounded-map.ts";
import { abuseSubject } from "../net/cidr.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const MAX_KEYS = 20_000;

export interface LockoutVerdict {
  /** Milliseconds until the lockout ends. */
  retryAfterMs: number;
}

export interface FailureOutcome {
  lockedIp: boolean;
  lockedAccount: boolean;
  /** The IP reached lockout.ban_after lockouts within a day. */
  banIp: boolean;
}

export class Lockout {
  private readonly failures = new BoundedMap<number[]>(MAX_KEYS);
  // A flood of new keys must not push out lockouts still running: finished ones go first.
  private readonly lockedUntil = new BoundedMap<number>(MAX_KEYS, (until) => until <= this.clock);
  private clock = 0;
  private readonly lockouts = new BoundedMap<number[]>(MAX_KEYS);

  constructor(private readonly limits: Config["lockout"]) {}

  /** Size of the tracked state, for tests and metrics. */
  get size(): number {
    return this.failures.size + this.lockedUntil.size + this.lockouts.size;
  }

  check(now: number, ip: string | undefined, account: string | undefined): LockoutVerdict | null {
    this.clock = now;
    let until = 0;
    for (const key of keys(ip, account)) until = Math.max(until, this.lockedUntil.get(key) ?? 0);
    return until > now ? { retryAfterMs: until - now } : null;
  }

  fail(now: number, ip: string | undefined, account: string | undefined): FailureOutcome {
    this.clock = now;
    const window = this.limits.window_minutes * MINUTE;
    const outcome: FailureOutcome = { lockedIp: false, lockedAccount: false, banIp: false };
    for (const key of keys(ip, account)) {
      const limit = key.startsWith("ip:") ? this.limits.ip_failures : this.limits.account_failures;
      const recent = (this.failures.get(key) ?? []).filter((t) => t > now - window);
      recent.push(now);
      this.failures.delete(key); // re-insert: most recently active keys are evicted last
      if (recent.length < limit) {
        this.failures.set(key, recent.slice(-limit));
        continue;
      }
      this.lockedUntil.delete(key);
      this.lockedUntil.set(key, now + this.limits.minutes * MINUTE);
      if (key.startsWith("ip:")) {
        outcome.lockedIp = true;
        const history = [...(this.lockouts.get(key) ?? []).filter((t) => t > now - DAY), now];
        this.lockouts.set(key, history);
        outcome.banIp = this.limits.ban_after > 0 && history.length >= this.limits.ban_after;
      } else outcome.lockedAccount = true;
    }
    return outcome;
  }

  /** Forgets everything about one key (`ip:…` / `account:…`): an administrator cleared its lockout. */
  release(key: string): void {
    this.failures.delete(key);
    this.lockedUntil.delete(key);
    this.lockouts.delete(key);
  }

  /** A successful login clears the account's failures (the IP's stay: one good password proves little). */
  succeed(account: string | undefined): void {
    if (account) this.failures.delete(`account:${account.toLowerCase()}`);
  }
}

export function keys(ip: string | undefined, account: string | undefined): string[] {
  const out: string[] = [];
  if (ip) out.push(`ip:${abuseSubject(ip)}`);
  if (account) out.push(`account:${account.toLowerCase()}`);
  return out;
}

export const retryMessage = (ms: number) => {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
};
