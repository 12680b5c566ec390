// Probes: liveness and readiness for systemd and load balancers.
import type { Database } from "bun:sqlite";
import { Elysia, t } from "elysia";

const Status = t.Object({ status: t.Literal("ok") });
const Problem = t.Object({ error: t.String() });

export function systemRoutes(sqlite: Database) {
  const ping = sqlite.query("SELECT 1 AS ok");
  return new Elysia({ name: "rdconsole/system", detail: { tags: ["system"] } })
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
