// Client login endpoints. For now only the probe the login dialog makes first.
import { Elysia, t } from "elysia";

export function authRoutes() {
  return new Elysia({ name: "rdconsole/auth", detail: { tags: ["client: login"] } }).get(
    "/api/login-options",
    // client: flutter/lib/models/user_model.dart (rustdesk@7423dced) requires 2xx + a JSON array of strings;
    // HEAD is only a TLS-stack probe (src/hbbs_http/http_client.rs) and any status passes.
    () => new Response("[]", { headers: { "content-type": "application/json; charset=utf-8" } }),
    {
      response: { 200: t.Array(t.String()) },
      detail: {
        summary: "Login methods",
        description: 'SSO entries ("oidc/<name>", "common-oidc/[…]") the login dialog shows as buttons; [] = password login only.',
      },
    },
  );
}
