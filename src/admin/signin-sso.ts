// Console sign-in through the [[sso.providers]] (src/sso/console.ts): the browser starts at
// /api/admin/login/sso/<provider> (302 to the provider) and comes back to
// /api/admin/login/sso/<provider>/callback — the provider's second redirect URI, next to the client's
// /oidc/callback/<provider>. Signed in: the session cookie and 302 to the console (or a same-origin `next`);
// TOTP on: a short-lived step cookie and 302 to the console, which asks for the code (POST /api/admin/login).
import { Elysia, t } from "elysia";
import { CONSOLE_COOKIE } from "../auth/console.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import { publicBase, type SsoRuntime } from "../sso/flow.ts";
import { consoleSsoCallback, startConsoleSso } from "../sso/console.ts";
import { ssoPage } from "../sso/pages.ts";
import { cookieOf, sessionCookie } from "./console-cookie.ts";
import { STEP_COOKIE } from "./signin.ts";
import { Problem } from "./profile-json.ts";

const STATE_COOKIE = `${CONSOLE_COOKIE}_sso`;
const STATE_PATH = "/api/admin/login/sso";
const SIGN_IN_PAGE = "/console/";

export function adminSignInSsoRoutes(deps: CoreDeps, sso: SsoRuntime) {
  const secure = (request: Request) => (publicBase(deps.config, request).startsWith("https:") ? "; Secure" : "");
  const redirect = (location: string, cookies: string[]) => {
    const headers = new Headers({ location, "cache-control": "no-store" });
    for (const c of cookies) headers.append("set-cookie", c);
    return new Response(null, { status: 302, headers });
  };
  return new Elysia({ name: "rdconsole/admin-signin-sso", detail: { tags: ["admin: sign-in"] } })
    .get(
      "/api/admin/login/options",
      () => ({ password: true, sso: deps.config.sso.providers.map((p) => ({ name: p.name, label: p.label, url: `${STATE_PATH}/${encodeURIComponent(p.name)}` })) }),
      {
        response: { 200: t.Object({ password: t.Boolean(), sso: t.Array(t.Object({ name: t.String(), label: t.String(), url: t.String({ description: "open it in the browser (a GET) to sign in" }) })) }) },
        detail: { summary: "How one can sign in to the console: password, and a button per SSO provider (no sign-in needed)" },
      },
    )
    .get(
      "/api/admin/login/sso/:provider",
      async ({ request, params, query }) => {
        const ctx = requestContext(deps, request);
        const { redirect: to, state } = await startConsoleSso(ctx, sso, { provider: params.provider, base: publicBase(deps.config, request), next: query.next, userAgent: request.headers.get("user-agent") });
        // Lax: the provider's redirect back is a cross-site top-level GET, which Strict would strip.
        return redirect(to, [`${STATE_COOKIE}=${state}; Path=${STATE_PATH}; HttpOnly; SameSite=Lax; Max-Age=300${secure(request)}`]);
      },
      {
        params: t.Object({ provider: t.String({ maxLength: 64 }) }),
        query: t.Object({ next: t.Optional(t.String({ maxLength: 500, description: "a same-origin path to return to; else /console/" })) }, { additionalProperties: true }),
        response: { 302: t.Void(), 404: Problem, 429: Problem, 503: Problem },
        detail: { summary: "SSO sign-in to the console: 302 to the provider (authorization code + PKCE)" },
      },
    )
    .get(
      "/api/admin/login/sso/:provider/callback",
      async ({ request, params, query }) => {
        const ctx = requestContext(deps, request);
        const r = await consoleSsoCallback(ctx, sso, params.provider, query, cookieOf(request, STATE_COOKIE), request.headers.get("user-agent"));
        const clearState = `${STATE_COOKIE}=; Path=${STATE_PATH}; HttpOnly; SameSite=Lax; Max-Age=0${secure(request)}`;
        if (!r.ok) {
          const page = ssoPage({ ok: false, message: r.message, provider: r.provider?.label, back: SIGN_IN_PAGE });
          page.headers.append("set-cookie", clearState);
          return page;
        }
        if (r.outcome.kind === "token") return redirect(r.next, [clearState, sessionCookie(deps.config, request, r.outcome.token)]);
        const minutes = deps.config.auth.email_code_minutes;
        const step = `${STEP_COOKIE}=${r.outcome.secret}; Path=/api/admin/login; HttpOnly; SameSite=Strict; Max-Age=${minutes * 60}${secure(request)}`;
        const next = new URL(SIGN_IN_PAGE, "http://x");
        next.searchParams.set("second_step", r.outcome.method);
        if (r.next !== SIGN_IN_PAGE) next.searchParams.set("next", r.next);
        return redirect(next.pathname + next.search, [clearState, step]);
      },
      {
        params: t.Object({ provider: t.String({ maxLength: 64 }) }),
        query: t.Object({ code: t.Optional(t.String({ maxLength: 4096 })), state: t.Optional(t.String({ maxLength: 200 })), error: t.Optional(t.String({ maxLength: 200 })), error_description: t.Optional(t.String({ maxLength: 1000 })) }, { additionalProperties: true }),
        detail: {
          summary: "SSO sign-in to the console: back from the provider",
          description: "Register <public URL>/api/admin/login/sso/<provider>/callback at the provider. Signed in: the session cookie and 302 to next. TOTP on: 302 to /console/?second_step=totp; the code then goes to POST /api/admin/login ({code}). Failed: a plain page saying why.",
        },
      },
    );
}
