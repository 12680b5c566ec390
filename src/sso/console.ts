// SSO sign-in to the web console: the same providers ([[sso.providers]]), PKCE, state and nonce, identity
// mapping, filters and TOTP step as the client's SSO (flow.ts), but the browser both starts and finishes it,
// at its own redirect URI: <public URL>/api/admin/login/sso/<provider>/callback. The state also rides in a
// short-lived cookie, so a callback only completes in the browser that started it (login CSRF).
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { consoleDevice, consoleExternalLogin } from "../auth/console.ts";
import type { LoginOutcome } from "../auth/login.ts";
import type { ProviderConfig } from "../config/sso-providers.ts";
import type { SsoRuntime } from "./flow.ts";
import { resolveSsoUser } from "./identity.ts";
import { SsoError } from "./oauth.ts";

export const consoleCallbackUrl = (base: string, provider: ProviderConfig) => `${base}/api/admin/login/sso/${provider.name}/callback`;

/** A same-origin path to return to ("/console/…"), else the console's start page. */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 500 || !/^\/(?![/\\])[^\s\\]*$/.test(next)) return "/console/";
  return next;
}

/** GET /api/admin/login/sso/:provider → where to send the browser, and the state for its cookie. */
export async function startConsoleSso(ctx: ServiceContext, sso: SsoRuntime, input: { provider: string; base: string; next?: string; userAgent: string | null }): Promise<{ redirect: string; state: string }> {
  const client = sso.provider(input.provider);
  if (!client) throw new ServiceError("NOT_FOUND", `unknown login provider "${input.provider.slice(0, 40)}"`);
  const login = sso.pending.start({ provider: client.config.name, device: consoleDevice(input.userAgent), ip: ctx.ip ?? "", base: input.base, now: ctx.now(), next: safeNext(input.next) });
  if (login === "full" || login === "ip_full") throw new ServiceError("TOO_MANY_REQUESTS", "too many sign-ins in progress; try again in a few minutes");
  login.started = true;
  try {
    const url = await client.authorizationUrl(login, consoleCallbackUrl(input.base, client.config));
    return { redirect: url.href, state: login.state };
  } catch (e) {
    sso.pending.remove(login);
    if (e instanceof SsoError) throw new ServiceError("UNAVAILABLE", `${client.config.label} cannot be reached: ${e.message}`);
    throw e;
  }
}

export type ConsoleSsoOutcome = { ok: true; outcome: LoginOutcome; next: string; provider: ProviderConfig } | { ok: false; message: string; provider?: ProviderConfig };

/** GET …/callback: the code → identity → user → a console session or a TOTP challenge. */
export async function consoleSsoCallback(
  ctx: ServiceContext,
  sso: SsoRuntime,
  providerName: string,
  q: { state?: string; code?: string; error?: string; error_description?: string },
  cookieState: string | undefined,
  userAgent: string | null,
): Promise<ConsoleSsoOutcome> {
  const login = q.state ? sso.pending.byCallbackState(q.state, ctx.now()) : undefined;
  if (!login || login.provider !== providerName || login.device.kind !== "console" || login.completing) return { ok: false, message: "This sign-in has expired or is unknown; start again from the console." };
  const client = sso.provider(login.provider)!;
  const fail = (message: string): ConsoleSsoOutcome => {
    sso.pending.remove(login);
    withTransaction(ctx, (tx) => emitAudit(tx, "auth.sso_failed", { type: "sso", name: client.config.name }, { reason: message, session: "console" }));
    return { ok: false, message, provider: client.config };
  };
  if (cookieState !== login.state) return fail("This sign-in was finished in another browser than the one that started it; start again from the console.");
  if (q.error) return fail(`${client.config.label} refused the sign-in: ${q.error}${q.error_description ? ` (${q.error_description})` : ""}`);
  if (!q.code) return fail("the provider sent no authorization code");
  login.completing = true;
  try {
    const identity = await client.identity(q.code, login, consoleCallbackUrl(login.base, client.config));
    const row = resolveSsoUser(ctx, client.config, identity);
    const outcome = consoleExternalLogin(ctx, row, userAgent, `sso:${client.config.name}`);
    sso.pending.remove(login);
    return { ok: true, outcome, next: login.next ?? "/console/", provider: client.config };
  } catch (e) {
    if (e instanceof SsoError || e instanceof ServiceError) return fail(e.message);
    ctx.log.error(`console sso callback (${providerName}) failed`, e);
    return fail("the sign-in failed on the server; see its log");
  }
}
