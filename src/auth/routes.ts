// Client login endpoints (§1–4): login options, login with its second step, current user, logout;
// client: flutter/lib/models/user_model.dart:53-263 (rustdesk@7423dced).
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { authMacro, bearerToken } from "./macro.ts";
import { requestContext } from "../http/context.ts";
import { jsonResponse } from "../http/json.ts";
import { ignoreBody, jsonParse } from "../http/json-hook.ts";
import { maskEmail } from "../mail/mailer.ts";
import { completeChallenge, passwordLogin, type LoginOutcome } from "./login.ts";
import { AccessToken, Challenge, challengeBody, LoginBody, Problem, tokenBody, UserPayload, userPayload } from "./model.ts";
import type { AuthRuntime } from "./runtime.ts";
import { revokeToken } from "./sessions.ts";
import { loginOptions } from "./login-options.ts";

function loginReply(outcome: LoginOutcome) {
  if (outcome.kind === "token") return tokenBody(outcome.token, outcome.user);
  return challengeBody(outcome.secret, outcome.user, outcome.method === "totp" ? undefined : maskEmail(outcome.user.email));
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 429: Problem, 503: Problem };

export function authRoutes(deps: CoreDeps, rt: AuthRuntime) {
  return new Elysia({ name: "rdconsole/auth", detail: { tags: ["client: login"] } })
    .use(authMacro(deps))
    .get(
      "/api/login-options",
      // client: flutter/lib/models/user_model.dart:246-254 (rustdesk@7423dced) requires 2xx + a JSON array of strings;
      // HEAD is only a TLS-stack probe and any status passes: client: src/hbbs_http/http_client.rs:180-181 (rustdesk@7423dced).
      () => jsonResponse(200, loginOptions(deps.config.sso.providers)),
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
          // client: flutter/lib/common/widgets/login.dart:1016-1024 (rustdesk@7423dced) sends TOTP codes as "email_code" too,
          // with tfaCode = verificationCode.
          const code = body.verificationCode ?? body.tfaCode;
          if (!body.secret || !code) throw invalid("secret and verificationCode are required");
          return loginReply(completeChallenge(ctx, rt, { secret: body.secret, code, username: body.username ?? undefined, device }));
        }
        throw invalid(`unsupported login type "${type.slice(0, 32)}"`);
      },
      {
        body: LoginBody,
        parse: jsonParse(() => deps.config.server.body_limit),
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
        // client: flutter/lib/models/user_model.dart:176-189 (rustdesk@7423dced) ignores the reply entirely.
        return new Response(null, { status: 200 });
      },
      // The body ({id, uuid}) is never read: a malformed one must not keep the token alive.
      { parse: ignoreBody, detail: { summary: "Log out", description: "Revokes the Bearer token's session. Always 200; the body is ignored." } },
    );
}
