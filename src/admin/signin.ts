// Console sign-in (seed 003's /api/auth/{setup,login,logout}): first-run setup with the one-time code,
// password login with the client login's second step (TOTP or e-mailed code), lockout and bans, and
// sign-out. A sign-in answers a session cookie (console-cookie.ts) instead of seed 003's JWT: the web
// console never holds a secret a script could read. Every write here needs X-Rdconsole-Csrf: 1, so
// another site cannot sign a browser in or out.
import { Elysia, t } from "elysia";
import { CONSOLE_COOKIE, consoleLogin, consoleSecondStep, resolveConsoleSession } from "../auth/console.ts";
import type { LoginOutcome } from "../auth/login.ts";
import type { AuthRuntime } from "../auth/runtime.ts";
import { revokeToken } from "../auth/sessions.ts";
import { needsSetup, setupFirstAdmin } from "../auth/setup.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid, ServiceError } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { checkThenJson, ignoreBody } from "../http/json-hook.ts";
import { maskEmail } from "../mail/mailer.ts";
import { clearedCookie, consoleSecret, cookieOf, requireCsrf, sessionCookie } from "./console-cookie.ts";
import { Problem, ProfileOut, profileJson } from "./profile-json.ts";

/** The pending second step of an SSO sign-in (set by its callback), so the secret never sits in a URL. */
export const STEP_COOKIE = `${CONSOLE_COOKIE}_step`;

const SignedIn = t.Object({ status: t.Literal("signed_in"), profile: ProfileOut });
const SecondStep = t.Object({
  status: t.Literal("second_step"),
  method: t.UnionEnum(["totp", "email"], { description: "totp: a code from the authenticator (or a recovery code); email: the code just e-mailed" }),
  secret: t.String({ description: "send it back with the code" }),
  email: t.Optional(t.String({ description: "where the code went (masked)" })),
});
const errors = { 400: Problem, 401: Problem, 403: Problem, 409: Problem, 429: Problem, 503: Problem };

const csrfFirst = (request: Request) => {
  try {
    requireCsrf(request);
    return null;
  } catch (e) {
    return e as ServiceError;
  }
};

export function adminSignInRoutes(deps: CoreDeps, rt: AuthRuntime) {
  const parse = () => checkThenJson(csrfFirst, deps.config.server.body_limit);
  /** A finished sign-in: the cookie, and who is signed in. */
  const signedIn = (request: Request, set: { headers: Record<string, unknown> }, token: string) => {
    const ctx = requestContext(deps, request);
    // Signing in again from the same browser replaces its session rather than leaving the old one live.
    const previous = consoleSecret(request);
    if (previous && resolveConsoleSession(ctx, previous)) revokeToken(ctx, previous);
    set.headers["set-cookie"] = [sessionCookie(deps.config, request, token), `${STEP_COOKIE}=; Path=/api/admin/login; HttpOnly; SameSite=Strict; Max-Age=0`];
    set.headers["cache-control"] = "no-store";
    return { status: "signed_in" as const, profile: profileJson(ctx, resolveConsoleSession(ctx, token)!) };
  };
  const reply = (request: Request, set: { headers: Record<string, unknown> }, o: LoginOutcome) => {
    if (o.kind === "token") return signedIn(request, set, o.token);
    return { status: "second_step" as const, method: o.method, secret: o.secret, ...(o.method === "email" ? { email: maskEmail(o.user.email) } : {}) };
  };
  return new Elysia({ name: "rdconsole/admin-signin", detail: { tags: ["admin: sign-in"] } })
    .get("/api/admin/setup/status", ({ request }) => ({ needs_setup: needsSetup(requestContext(deps, request)) }), {
      response: { 200: t.Object({ needs_setup: t.Boolean({ description: "true while no enabled administrator exists" }) }) },
      detail: { summary: "Whether the first administrator still has to be created (no sign-in needed)" },
    })
    .post(
      "/api/admin/setup",
      async ({ request, body, set }) => {
        requireCsrf(request); // again: a chunked body is parsed before the route's parse hook runs
        const ctx = requestContext(deps, request);
        const { token } = await setupFirstAdmin(ctx, rt, { code: body.setup_code ?? "", name: body.name, password: body.password, email: body.email, userAgent: request.headers.get("user-agent") });
        set.status = 201;
        return signedIn(request, set, token);
      },
      {
        parse: parse(),
        body: t.Object(
          {
            setup_code: t.Optional(t.String({ maxLength: 100, description: "the one-time code serve printed at start (also in <data dir>/setup-code); missing or wrong: 403" })),
            name: t.String({ minLength: 1, maxLength: 64 }),
            password: t.String({ minLength: 1, maxLength: 1024 }),
            email: t.Optional(t.String({ maxLength: 254 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: SignedIn, ...errors },
        detail: {
          summary: "Create the first administrator and sign in",
          description: "Only while no enabled administrator exists (else 409), and with the one-time setup code (else 403; wrong codes count towards the IP's lockout). The code is void afterwards. Needs X-Rdconsole-Csrf: 1.",
        },
      },
    )
    .post(
      "/api/admin/login",
      async ({ request, body, set }) => {
        requireCsrf(request); // again: a chunked body is parsed before the route's parse hook runs
        const ctx = requestContext(deps, request);
        const userAgent = request.headers.get("user-agent");
        if (body.code !== undefined) {
          const secret = body.secret ?? cookieOf(request, STEP_COOKIE);
          if (!secret) throw invalid("secret is required with code (the secret from the password step)");
          return reply(request, set, consoleSecondStep(ctx, rt, { secret, code: body.code, userAgent }));
        }
        if (body.login === undefined || body.password === undefined) throw invalid("login and password are required (or secret and code for the second step)");
        return reply(request, set, await consoleLogin(ctx, rt, { login: body.login, password: body.password, userAgent }));
      },
      {
        parse: parse(),
        body: t.Object(
          {
            login: t.Optional(t.String({ minLength: 1, maxLength: 254, description: "user name or e-mail address" })),
            password: t.Optional(t.String({ maxLength: 1024 })),
            secret: t.Optional(t.String({ minLength: 1, maxLength: 128, description: "second step: the secret from the first step's reply" })),
            code: t.Optional(t.String({ minLength: 1, maxLength: 64, description: "second step: the TOTP, recovery or e-mailed code" })),
          },
          { additionalProperties: false },
        ),
        response: { 200: t.Union([SignedIn, SecondStep]), ...errors },
        detail: {
          summary: "Sign in to the console",
          description:
            "{login, password} → signed in (a session cookie), or a second step {method, secret}; then {secret, code} → signed in. The client login's rules: lockout, bans, TOTP, e-mailed codes. Needs X-Rdconsole-Csrf: 1.",
        },
      },
    )
    .post(
      "/api/admin/logout",
      ({ request, set }) => {
        requireCsrf(request);
        const secret = consoleSecret(request);
        if (secret && resolveConsoleSession(requestContext(deps, request), secret)) revokeToken(requestContext(deps, request), secret);
        set.headers["set-cookie"] = clearedCookie(deps.config, request);
        return { signed_out: true };
      },
      {
        parse: ignoreBody,
        response: { 200: t.Object({ signed_out: t.Boolean() }), 403: Problem },
        detail: { summary: "Sign out: ends the console session and clears its cookie (the body is ignored); needs X-Rdconsole-Csrf: 1" },
      },
    );
}
