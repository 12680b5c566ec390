// Client login endpoints (client-contract §1–4): login options, login with its second step,
// current user, logout.
import { Elysia, t } from "elysia";
import type { AppDeps } from "../deps.ts";
import { invalid } from "../errors.ts";
import { authMacro, bearerToken } from "../http/auth.ts";
import { requestContext } from "../http/context.ts";
import { ignoreBody, jsonParse } from "../http/json-hook.ts";
import { maskEmail } from "../mail/mailer.ts";
import { completeChallenge, passwordLogin, type LoginOutcome } from "./login.ts";
import { AccessToken, Challenge, LoginBody, Problem, UserPayload, userPayload } from "./model.ts";
import type { AuthRuntime } from "./runtime.ts";
import { revokeToken } from "./sessions.ts";
import { loginOptions } from "../sso/options.ts";

function loginReply(outcome: LoginOutcome) {
  if (outcome.kind === "token") return { type: "access_token" as const, access_token: outcome.token, user: userPayload(outcome.user) };
  // client: flutter/lib/common/widgets/login.dart (rustdesk@7423dced) expects type "email_check" for both
  // second steps, told apart by tfa_type; a top-level "tfa_check" is "bad response from server".
  if (outcome.method === "totp")
    return { type: "email_check" as const, tfa_type: "tfa_check" as const, secret: outcome.secret, access_token: "" as const, user: { name: outcome.user.name, info: {} } };
  return {
    type: "email_check" as const,
    tfa_type: "email_check" as const,
    secret: outcome.secret,
    access_token: "" as const,
    user: { name: outcome.user.name, email: maskEmail(outcome.user.email), info: {} },
  };
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 429: Problem, 503: Problem };

export function authRoutes(deps: AppDeps, rt: AuthRuntime) {
  return new Elysia({ name: "rdconsole/auth", detail: { tags: ["client: login"] } })
    .use(authMacro(deps))
    .get(
      "/api/login-options",
      // client: flutter/lib/models/user_model.dart (rustdesk@7423dced) requires 2xx + a JSON array of strings;
      // HEAD is only a TLS-stack probe (src/hbbs_http/http_client.rs) and any status passes.
      () => new Response(JSON.stringify(loginOptions(deps.config.sso.providers)), { headers: { "content-type": "application/json; charset=utf-8" } }),
      {
        response: { 200: t.Array(t.String()) },
        detail: {
          summary: "Login methods",
          description: 'SSO entries ("oidc/<name>", "common-oidc/[…]") the login dialog shows as buttons; [] = password login only.',
        },
      },
    )
    .post(
      "/api/login",
      async ({ body, request }) => {
        const ctx = requestContext(deps, request);
        const info = body.deviceInfo ?? {};
        const device = { id: body.id ?? "", uuid: body.uuid ?? "", info: { os: info.os ?? undefined, type: info.type ?? undefined, name: info.name ?? undefined } };
        const type = body.type ?? "account";
        if (type === "account") {
          if (!body.username || !body.password) throw invalid("username and password are required");
          return loginReply(await passwordLogin(ctx, rt, { username: body.username, password: body.password, device }));
        }
        if (type === "email_code") {
          // client: flutter/lib/common/widgets/login.dart (rustdesk@7423dced) sends TOTP codes as "email_code" too,
          // with tfaCode = verificationCode.
          const code = body.verificationCode ?? body.tfaCode;
          if (!body.secret || !code) throw invalid("secret and verificationCode are required");
          return loginReply(completeChallenge(ctx, rt, { secret: body.secret, code, username: body.username ?? undefined, device }));
        }
        throw invalid(`unsupported login type "${type.slice(0, 32)}"`);
      },
      {
        body: LoginBody,
        parse: jsonParse(deps.config.server.body_limit),
        response: { 200: t.Union([AccessToken, Challenge]), ...errors },
        detail: {
          summary: "Log in",
          description:
            'type "account": username (or e-mail) + password → an access token, or a second-step challenge (type "email_check", tfa_type "tfa_check" for TOTP or "email_check" for an e-mailed code). type "email_code": the challenge\'s secret + verificationCode (TOTP, recovery or e-mailed code) → an access token.',
        },
      },
    )
    .post("/api/currentUser", ({ user }) => userPayload(user), {
      auth: true,
      response: { 200: UserPayload, 401: Problem },
      detail: { summary: "The logged-in user", description: "401 when the token is no longer valid (the client then logs out)." },
    })
    .post(
      "/api/logout",
      ({ request }) => {
        const token = bearerToken(request);
        if (token) revokeToken(requestContext(deps, request), token);
        // client: flutter/lib/models/user_model.dart (rustdesk@7423dced) ignores the reply entirely.
        return new Response(null, { status: 200 });
      },
      // The body ({id, uuid}) is never read: a malformed one must not keep the token alive.
      { parse: ignoreBody, detail: { summary: "Log out", description: "Revokes the Bearer token's session. Always 200; the body is ignored." } },
    );
}
