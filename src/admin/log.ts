// GET /api/admin/log: the last log lines the server kept in memory (log.memory_lines), filtered server-side,
// newest last (Drawpile's server log API, ../shared/spec/seeds/004). Area admin, read.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { logRingOf } from "../core/log.ts";
import { LOG_LINE_LEVELS } from "../core/log-ring.ts";
import { listLogLines, MAX_LOG_LIMIT } from "../events/log-lines.ts";
import { lifetime } from "./lifetime.ts";
import { adminAuth } from "./token-auth.ts";

const Problem = t.Object({ error: t.String(), code: t.String() });
const Line = t.Object({ id: t.Integer({ description: "counts up from 1 since the server started" }), time: t.String({ format: "date-time" }), level: t.UnionEnum(LOG_LINE_LEVELS), message: t.String() });

export function adminLogRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/admin-log", detail: { tags: ["admin: server"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/log",
      ({ query }) => {
        let since: number | undefined;
        if (query.since !== undefined) {
          const ms = lifetime("since", query.since);
          if (ms === null) throw invalid("since takes a duration such as 30m, 12h, 7d, 2w");
          since = Date.now() - ms; // log lines carry the wall clock's time
        }
        const { total, lines } = listLogLines(logRingOf(deps.log), { level: query.level, since, q: query.q, limit: query.limit });
        return { total, data: lines.map((l) => ({ ...l, time: new Date(l.time).toISOString() })) };
      },
      {
        apiToken: { area: "admin", write: false },
        query: t.Object({
          level: t.Optional(t.String({ maxLength: 10, description: `this level and above: ${LOG_LINE_LEVELS.join(", ")}` })),
          since: t.Optional(t.String({ maxLength: 20, description: "only lines newer than this: 30m, 12h, 7d" })),
          q: t.Optional(t.String({ maxLength: 200, description: "only lines containing this text (any case)" })),
          limit: t.Optional(t.Integer({ minimum: 1, maximum: MAX_LOG_LIMIT, error: `limit: a whole number from 1 to ${MAX_LOG_LIMIT}`, description: "the newest this many (default 100)" })),
        }),
        response: { 200: t.Object({ total: t.Integer({ description: "lines that match, before limit" }), data: t.Array(Line) }), 400: Problem, 401: Problem, 403: Problem },
        detail: { summary: "The server's recent log lines (in memory), filtered, newest last; needs admin:r" },
      },
    );
}
