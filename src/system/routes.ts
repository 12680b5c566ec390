// Probes: the page the client's "web console" link opens (client: flutter/lib/common/widgets/address_book.dart:436-440 (rustdesk@7423dced)), and liveness/readiness for
// systemd and load balancers.
import type { Database } from "bun:sqlite";
import { Elysia, t } from "elysia";
import type { Config } from "../config/schema.ts";
import { homePage } from "./home.ts";

const Status = t.Object({ status: t.Literal("ok") });
const Problem = t.Object({ error: t.String() });

export function systemRoutes(config: Config, sqlite: Database) {
  const ping = sqlite.query("SELECT 1 AS ok");
  return new Elysia({ name: "rdconsole/system", detail: { tags: ["system"] } })
    .get(
      "/",
      ({ request }) =>
        new Response(homePage(config.server.public_url || new URL(request.url).origin, config.openapi.enabled), {
          headers: { "content-type": "text/html; charset=utf-8" },
        }),
      { detail: { summary: "Server home page", description: "Opened by the client's web-console menu item." } },
    )
    .get("/healthz", () => ({ status: "ok" as const }), {
      response: { 200: Status },
      detail: { summary: "Liveness", description: "200 while the process serves HTTP." },
    })
    .get(
      "/readyz",
      ({ status }) => {
        try {
          ping.get();
          return { status: "ok" as const };
        } catch {
          return status(503, { error: "database unavailable" });
        }
      },
      { response: { 200: Status, 503: Problem }, detail: { summary: "Readiness", description: "200 when the database answers." } },
    );
}
