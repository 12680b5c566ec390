// The public server-info route (no sign-in). The admin status route is in src/admin/status.ts.
import { Elysia, t } from "elysia";
import type { Config } from "../config/schema.ts";
import { notFound } from "../core/errors.ts";
import { serverInfo } from "./server-info.ts";

const Problem = t.Object({ error: t.String() });
const Info = t.Object({
  name: t.String(),
  version: t.String(),
  api_url: t.String({ description: "the base URL clients set as their API server" }),
  password_login: t.Boolean(),
  login_options: t.Array(t.String(), { description: "what GET /api/login-options answers" }),
  sso_providers: t.Array(t.Object({ name: t.String(), label: t.String() })),
});

export function statusRoutes(config: Config) {
  return new Elysia({ name: "rdconsole/status", detail: { tags: ["system"] } }).get(
    "/api/server-info",
    ({ request }) => {
      // Switched off, it answers as a route that does not exist.
      if (!config.server.public_info) throw notFound(`not found: ${request.method} /api/server-info`);
      return serverInfo(config, new URL(request.url).origin);
    },
    {
      response: { 200: Info, 404: Problem },
      detail: { summary: "Public server information (no sign-in)", description: "Name, version, API URL and login options for a sign-in page; nothing secret. 404 when server.public_info is false." },
    },
  );
}
