// The client's SSO login (§5, T5; client: src/hbbs_http/account.rs:160-198 (rustdesk@7423dced)): the client starts it (oidc/auth), the person
// finishes it in a browser (login page → provider → callback), the client polls (auth-query) and
// gets the same body a password login gives, once.
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { externalLogin } from "../auth/login.ts";
import type { Device } from "../auth/sessions.ts";
import type { Config } from "../config/schema.ts";
import { resolveSsoUser } from "./identity.ts";
import { ProviderClient, SsoError } from "./oauth.ts";
import { PendingLogins, type PendingLogin, type PendingResult } from "./pending.ts";
import type { ProviderConfig } from "../config/sso-providers.ts";

// client: src/hbbs_http/account.rs:326-328 (rustdesk@7423dced) keeps polling while the error contains this text.
export const PENDING_ERROR = "No authed oidc is found";

export interface SsoRuntime {
  readonly pending: PendingLogins;
  provider(name: string): ProviderClient | undefined;
}

export function createSsoRuntime(config: Config, now: () => number = Date.now): SsoRuntime {
  const clients = new Map(config.sso.providers.map((p) => [p.name, new ProviderClient(p, now)]));
  return { pending: new PendingLogins(config.sso.max_pending, config.sso.max_pending_per_ip), provider: (name) => clients.get(name) };
}

/** The public base URL: server.public_url, else how this request reached us. */
export const publicBase = (config: Config, request: Request) => config.server.public_url || new URL(request.url).origin;

export const callbackUrl = (base: string, provider: ProviderConfig) => `${base}/oidc/callback/${provider.name}`;

/** POST /api/oidc/auth → the code the client polls with and the page its browser opens. */
export function startSsoLogin(ctx: ServiceContext, sso: SsoRuntime, input: { op: string; device: Device; base: string }): { code: string; url: string } {
  const client = sso.provider(input.op);
  if (!client) throw new ServiceError("NOT_FOUND", `unknown login provider "${input.op.slice(0, 40)}"`);
  if (!input.device.id || !input.device.uuid) throw new ServiceError("INVALID_INPUT", "id and uuid are required");
  const login = sso.pending.start({ provider: input.op, device: input.device, ip: ctx.ip ?? "", base: input.base, now: ctx.now() });
  if (login === "full" || login === "ip_full") throw new ServiceError("TOO_MANY_REQUESTS", "too many sign-ins in progress; try again in a few minutes");
  return { code: login.code, url: `${input.base}/oidc/login?code=${encodeURIComponent(login.code)}` };
}

function openLink(ctx: ServiceContext, sso: SsoRuntime, code: string): PendingLogin {
  const login = sso.pending.byPollCode(code, ctx.now());
  if (!login || login.result || login.device.kind === "console") throw new SsoError("this sign-in link has expired or was already used; start again from RustDesk");
  if (login.started) throw new SsoError("this sign-in link was already used; start again from RustDesk");
  return login;
}

/**
 * GET /oidc/login?code=: what is asking to be signed in, and a button. A link someone else started
 * (their device, their poll) must not sign the reader in without them seeing whose device it is.
 */
export function confirmBrowserLogin(ctx: ServiceContext, sso: SsoRuntime, code: string): { login: PendingLogin; provider: ProviderConfig } {
  const login = openLink(ctx, sso, code);
  return { login, provider: sso.provider(login.provider)!.config };
}

/** POST /oidc/login: the button, from the browser that saw the page (its cookie) → the provider's login page, once. */
export async function browserLogin(ctx: ServiceContext, sso: SsoRuntime, code: string, cookieState: string | undefined): Promise<{ redirect: string; provider: ProviderConfig }> {
  const login = openLink(ctx, sso, code);
  if (cookieState !== login.state) throw new SsoError("open the sign-in link from RustDesk in this browser, then press Continue");
  const client = sso.provider(login.provider)!;
  login.started = true;
  const url = await client.authorizationUrl(login, callbackUrl(login.base, client.config));
  return { redirect: url.href, provider: client.config };
}

export interface CallbackOutcome {
  ok: boolean;
  message: string;
  provider?: ProviderConfig;
}

/** GET /oidc/callback/<provider>: the code → identity → user → token or TOTP challenge, kept for the client's next poll. */
export async function ssoCallback(
  ctx: ServiceContext,
  sso: SsoRuntime,
  providerName: string,
  q: { state?: string; code?: string; error?: string; error_description?: string },
  cookieState: string | undefined,
): Promise<CallbackOutcome> {
  const login = q.state ? sso.pending.byCallbackState(q.state, ctx.now()) : undefined;
  if (!login || login.provider !== providerName || login.result || !login.started || login.device.kind === "console") return { ok: false, message: "This sign-in has expired or is unknown; start again from RustDesk." };
  // One callback at a time, and the first one's outcome stands.
  if (login.completing) return { ok: false, message: "This sign-in is already being completed." };
  const client = sso.provider(login.provider)!;
  const fail = (message: string): CallbackOutcome => {
    sso.pending.finish(login, { kind: "error", message });
    withTransaction(ctx, (tx) => emitAudit(tx, "auth.sso_failed", { type: "sso", name: client.config.name }, { reason: message, device_id: login.device.id }));
    return { ok: false, message, provider: client.config };
  };
  // The browser that came back must be the one that left from /oidc/login (login CSRF).
  if (cookieState !== login.state) return fail("This sign-in was finished in another browser than the one that started it; start again from RustDesk.");
  if (q.error) return fail(`${client.config.label} refused the sign-in: ${q.error}${q.error_description ? ` (${q.error_description})` : ""}`);
  if (!q.code) return fail("the provider sent no authorization code");
  login.completing = true;
  try {
    const identity = await client.identity(q.code, login, callbackUrl(login.base, client.config));
    const row = resolveSsoUser(ctx, client.config, identity);
    const outcome = externalLogin(ctx, row, login.device, `sso:${client.config.name}`);
    const result: PendingResult =
      outcome.kind === "token"
        ? { kind: "token", token: outcome.token, user: outcome.user }
        : { kind: "challenge", secret: outcome.secret, name: outcome.user.name };
    sso.pending.finish(login, result);
    const device = login.device.info.name ? `${login.device.info.name} (${login.device.id})` : login.device.id;
    return {
      ok: true,
      provider: client.config,
      message: outcome.kind === "token" ? `Signed in as ${row.name} on ${device} — you can return to RustDesk.` : `Almost there, ${row.name}: enter the code from your authenticator app in RustDesk on ${device}.`,
    };
  } catch (e) {
    if (e instanceof SsoError || e instanceof ServiceError) return fail(e.message);
    ctx.log.error(`sso callback (${providerName}) failed`, e);
    return fail("the sign-in failed on the server; see its log");
  }
}

/** GET /api/oidc/auth-query: pending, or the result — once, and only to the device that started it. */
export function pollSsoLogin(ctx: ServiceContext, sso: SsoRuntime, q: { code?: string; id?: string; uuid?: string }): { pending: true } | { result: PendingResult } {
  const login: PendingLogin | undefined = q.code ? sso.pending.byPollCode(q.code, ctx.now()) : undefined;
  if (!login || login.device.kind === "console") throw new ServiceError("NOT_FOUND", "this sign-in has expired or is unknown; please try again");
  if (login.device.id !== q.id || login.device.uuid !== q.uuid) throw new ServiceError("FORBIDDEN", "this sign-in was started on another device");
  if (!login.result) return { pending: true };
  sso.pending.remove(login);
  return { result: login.result };
}
