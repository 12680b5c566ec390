// GET /api/admin/status: the server's own state, after Drawpile's server status (../shared/spec/seeds/004):
// version, uptime, where it listens, database and WAL size, memory, what the device endpoints handled, the
// notification queue. Area admin, read.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { serverStatus, type StatusSources } from "../status/status.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const Problem = t.Object({ error: t.String(), code: t.String() });
const Bytes = (description: string) => t.Integer({ minimum: 0, description });

const Status = t.Object({
  version: t.String(),
  commit: t.String(),
  started_at: t.String({ format: "date-time" }),
  uptime_seconds: t.Integer({ minimum: 0 }),
  listen: t.Object({ host: t.String(), port: t.Integer({ description: "the bound port (server.port 0 picks one)" }) }),
  public_url: t.Nullable(t.String({ description: "server.public_url; null: links are built from each request" })),
  database: t.Object({ path: t.String(), size_bytes: Bytes("the database file"), wal_bytes: Bytes("its write-ahead log") }),
  memory: t.Object({ rss_bytes: Bytes("resident set size of the process"), heap_bytes: Bytes("JavaScript heap in use") }),
  heartbeats: t.Object({ handled: t.Integer({ minimum: 0, description: "since start" }), per_second: t.Number({ minimum: 0, description: "over the last 10 seconds" }) }),
  audit_posts: t.Object({ accepted: t.Integer({ minimum: 0 }), refused: t.Integer({ minimum: 0, description: "rate-limited, malformed or from an unknown device" }) }),
  notifications: t.Nullable(
    t.Object({ pending: t.Integer({ description: "queued, waiting to retry or being delivered" }), delivered: t.Integer(), failed: t.Integer(), dropped: t.Integer() }, { description: "null when no notifier runs (in-process tests)" }),
  ),
});

export function adminStatusRoutes(deps: CoreDeps, sources: StatusSources) {
  return new Elysia({ name: "rdconsole/admin-status", detail: { tags: ["admin: status"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/status",
      ({ server }) => serverStatus(deps.config, sources, deps.now(), server ? { host: server.hostname ?? deps.config.server.host, port: server.port ?? deps.config.server.port } : undefined),
      {
        apiToken: READ,
        response: { 200: Status, 401: Problem, 403: Problem },
        detail: { summary: "Server status: version, uptime, listen address, database size, memory, counters since start; needs admin:r" },
      },
    );
}
