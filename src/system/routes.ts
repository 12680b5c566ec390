// Probes: liveness and readiness for systemd and load balancers. /healthz?probe=<nonce> also answers
// X-Rdconsole-Probe (src/crypto/instance-probe.ts): `doctor` learns whether server.public_url reaches this server.
import type { Database } from "bun:sqlite";
import { Elysia, t } from "elysia";
import type { Config } from "../config/schema.ts";
import { PROBE_HEADER, PROBE_NONCE, probeAnswer } from "../crypto/instance-probe.ts";

const Status = t.Object({ status: t.Literal("ok") });
const Problem = t.Object({ error: t.String() });

export function systemRoutes(sqlite: Database, config: Config) {
  const ping = sqlite.query("SELECT 1 AS ok");
  return new Elysia({ name: "rdconsole/system", detail: { tags: ["system"] } })
    .get(
      "/healthz",
      ({ query, set }) => {
        // A malformed nonce is ignored, not refused: load balancers may add their own query strings.
        if (query.probe !== undefined && PROBE_NONCE.test(query.probe)) {
          try {
            set.headers[PROBE_HEADER] = probeAnswer(config, query.probe);
          } catch {
            // no key readable: the answer stays unproven, doctor says so
          }
        }
        return { status: "ok" as const };
      },
      {
        query: t.Object({ probe: t.Optional(t.String({ description: "a random nonce (16-64 of A-Z a-z 0-9 _ -): answered in X-Rdconsole-Probe, which `rdconsole doctor` checks" })) }, { additionalProperties: true }),
        response: { 200: Status },
        detail: { summary: "Liveness", description: "200 while the process serves HTTP." },
      },
    )
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
