// SSO endpoints: the client's two (client: src/hbbs_http/account.rs:160-198 (rustdesk@7423dced)) and the browser's two pages.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { challengeBody, DeviceInfo, Problem, tokenBody } from "../auth/model.ts";
import { requestContext } from "../http/context.ts";
import { errorResponse } from "../http/errors.ts";
import { jsonResponse as json } from "../http/json.ts";
import { jsonParse } from "../http/json-hook.ts";
import { browserLogin, confirmBrowserLogin, pollSsoLogin, PENDING_ERROR, publicBase, ssoCallback, startSsoLogin, type SsoRuntime } from "./flow.ts";
import { SsoError } from "./oauth.ts";
import { confirmPage, ssoPage } from "./pages.ts";
import type { PendingResult } from "./pending.ts";

const COOKIE = "rdc_sso";

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

/** What the client's AuthBody parser accepts (client: src/hbbs_http/account.rs:79-108 (rustdesk@7423dced)): `user.info` is required. */
function authBody(result: PendingResult) {
  if (result.kind === "error") return errorResponse(401, result.message);
  if (result.kind === "challenge")
    return json(200, challengeBody(result.secret, { name: result.name }));
  return json(200, tokenBody(result.token, result.user));
}

export function ssoRoutes(deps: CoreDeps, sso: SsoRuntime) {
  return new Elysia({ name: "rdconsole/sso" })
    .post(
      "/api/oidc/auth",
      ({ request, body }) => {
        const info = body.deviceInfo ?? {};
        const device = { id: body.id, uuid: body.uuid, info: { os: info.os ?? undefined, type: info.type ?? undefined, name: info.name ?? undefined } };
        return startSsoLogin(requestContext(deps, request), sso, { op: body.op, device, base: publicBase(deps.config, request) });
      },
      {
        parse: jsonParse(() => deps.config.server.body_limit),
        body: t.Object({ op: t.String({ maxLength: 64 }), id: t.String({ minLength: 1, maxLength: 100 }), uuid: t.String({ minLength: 1, maxLength: 256 }), deviceInfo: t.Optional(t.Union([DeviceInfo, t.Null()])), apiDomain: t.Optional(t.Union([t.String({ maxLength: 1000 }), t.Null()])) }, { additionalProperties: true }),
        response: { 200: t.Object({ code: t.String(), url: t.String() }), 400: Problem, 404: Problem, 429: Problem },
        detail: { tags: ["client: login"], summary: "Start an SSO login", description: '{op, id, uuid, deviceInfo} → {code, url}: the client opens url in a browser and polls auth-query with code. op is a provider name from login-options. At most sso.max_pending in progress (sso.max_pending_per_ip per IP), each for 5 minutes.' },
      },
    )
    .get(
      "/api/oidc/auth-query",
      ({ request, query }) => {
        const outcome = pollSsoLogin(requestContext(deps, request), sso, query);
        // client: src/hbbs_http/account.rs:326-328 (rustdesk@7423dced) keeps polling on this error text, whatever the
        // status (client: src/hbbs_http.rs:25-27 (rustdesk@7423dced)).
        if ("pending" in outcome) return errorResponse(202, PENDING_ERROR);
        return authBody(outcome.result);
      },
      {
        query: t.Object({ code: t.Optional(t.String({ maxLength: 100 })), id: t.Optional(t.String({ maxLength: 100 })), uuid: t.Optional(t.String({ maxLength: 256 })) }, { additionalProperties: true }),
        detail: { tags: ["client: login"], summary: "Poll an SSO login", description: `While the person signs in: {"error":"${PENDING_ERROR}"}. Then, once: the login body (access_token, type, user with info), or a TOTP challenge (type email_check, tfa_type tfa_check) the client completes on /api/login. Only for the device (id, uuid) that started it.` },
      },
    )
    .get(
      "/oidc/login",
      ({ request, query }) => {
        try {
          const { login, provider } = confirmBrowserLogin(requestContext(deps, request), sso, query.code ?? "");
          // Lax: sent with the button's same-site POST and the provider's redirect back, not with another site's POST.
          const secure = publicBase(deps.config, request).startsWith("https:") ? "; Secure" : "";
          const cookie = `${COOKIE}=${login.state}; Path=/oidc; HttpOnly; SameSite=Lax; Max-Age=300${secure}`;
          return confirmPage({ provider: provider.label, code: login.code, device: { id: login.device.id, name: login.device.info.name, os: login.device.info.os }, ip: login.ip, at: login.createdAt }, { "set-cookie": cookie });
        } catch (e) {
          if (e instanceof SsoError) return ssoPage({ ok: false, message: e.message }, 404);
          throw e;
        }
      },
      { query: t.Object({ code: t.Optional(t.String({ maxLength: 100 })) }, { additionalProperties: true }), detail: { tags: ["browser"], summary: "SSO: confirm", description: "The page the client opens: which device asks to be signed in, and a Continue button." } },
    )
    .post(
      "/oidc/login",
      async ({ request, body }) => {
        try {
          const { redirect } = await browserLogin(requestContext(deps, request), sso, body.code, cookieOf(request, COOKIE));
          return new Response(null, { status: 303, headers: { location: redirect, "cache-control": "no-store" } });
        } catch (e) {
          if (e instanceof SsoError) return ssoPage({ ok: false, message: e.message }, 400);
          throw e;
        }
      },
      { parse: "urlencoded", body: t.Object({ code: t.String({ maxLength: 100 }) }), detail: { tags: ["browser"], summary: "SSO: to the provider", description: "The Continue button: redirects to the provider's login, once per sign-in." } },
    )
    .get(
      "/oidc/callback/:provider",
      async ({ request, params, query }) => {
        const outcome = await ssoCallback(requestContext(deps, request), sso, params.provider, query, cookieOf(request, COOKIE));
        const page = ssoPage({ ok: outcome.ok, message: outcome.message, provider: outcome.provider?.label });
        page.headers.append("set-cookie", `${COOKIE}=; Path=/oidc; HttpOnly; SameSite=Lax; Max-Age=0`);
        return page;
      },
      {
        query: t.Object({ code: t.Optional(t.String({ maxLength: 4096 })), state: t.Optional(t.String({ maxLength: 200 })), error: t.Optional(t.String({ maxLength: 200 })), error_description: t.Optional(t.String({ maxLength: 1000 })) }, { additionalProperties: true }),
        detail: { tags: ["browser"], summary: "SSO: back from the provider", description: "Exchanges the code, checks the ID token, finds or creates the user; a plain page says how it went." },
      },
    );
}
