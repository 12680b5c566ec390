// Console (browser) sign-in: the client's login steps — password, then TOTP or an e-mailed code, the same
// lockout and bans — leading to a session of kind "console", whose secret is the browser's cookie. A user
// whose administrator enforces TOTP and who has none yet gets a restricted session (profile and TOTP
// enrolment only) until the authenticator is confirmed.
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { users } from "../db/schema.ts";
import type { User, UserRow } from "../users/model.ts";
import { completeChallenge, externalLogin, passwordLogin, type LoginOutcome } from "./login.ts";
import type { AuthRuntime } from "./runtime.ts";
import { resolveSession, type Device, type SessionRow } from "./sessions.ts";
import { totpStatus } from "./totp.ts";

export const CONSOLE_COOKIE = "rdc_console";

/** What a console session records as its "device": the browser, by its user agent. */
export const consoleDevice = (userAgent: string | null): Device => ({ id: "", uuid: "", kind: "console", info: { type: "browser", name: (userAgent ?? "").slice(0, 200) || "browser" } });

export const consoleLogin = (ctx: ServiceContext, rt: AuthRuntime, input: { login: string; password: string; userAgent: string | null }): Promise<LoginOutcome> =>
  passwordLogin(ctx, rt, { username: input.login, password: input.password, device: consoleDevice(input.userAgent) });

/** The second step: the challenge's secret (from the password step's reply, or the SSO callback's cookie) and the code. */
export const consoleSecondStep = (ctx: ServiceContext, rt: AuthRuntime, input: { secret: string; code: string; userAgent: string | null }): LoginOutcome =>
  completeChallenge(ctx, rt, { secret: input.secret, code: input.code, device: consoleDevice(input.userAgent) });

/** After SSO vouched for the person: the TOTP step if the account has one, else a console session. */
export const consoleExternalLogin = (ctx: ServiceContext, row: UserRow, userAgent: string | null, via: string): LoginOutcome => externalLogin(ctx, row, consoleDevice(userAgent), via);

/** TOTP is enforced for the user and not on yet: the session is restricted until it is. */
export const totpRequired = (ctx: ServiceContext, user: { totpEnforced: boolean }, userId: number) => user.totpEnforced && totpStatus(ctx, userId) !== "on";

export interface ConsoleSession {
  session: SessionRow;
  user: User;
  row: UserRow;
  /** Only the profile and TOTP enrolment until TOTP is on. */
  restricted: boolean;
}

/** The live console session for a cookie, or null (unknown, expired, revoked, user disabled). */
export function resolveConsoleSession(ctx: ServiceContext, secret: string): ConsoleSession | null {
  const found = resolveSession(ctx, secret, "console");
  if (!found) return null;
  const row = ctx.db.select().from(users).where(eq(users.id, found.userId)).get();
  if (!row) return null;
  return { session: found.session, user: found.user, row, restricted: totpRequired(ctx, row, row.id) };
}
