// rdconsole's own audit routes (/api/admin/audit/{conn|file|alarm|console}): what `rdconsole audit tail/export`
// read, with the same filters (device, user, since), paged by cursor: {data, next_cursor}, oldest first from
// the cursor. Each entry carries its own cursor, so a follower that reached the end (next_cursor null) polls
// again from the last entry's. /api/admin/audit alone: all four logs merged by time (tail without --type), its
// cursor one position per log. Area audit, read only.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { pageAllLogs, pageLog, pageLogNewest, parseAllCursor } from "../audit/page.ts";
import type { ServiceContext } from "../core/context.ts";
import { LOG_TYPES } from "../audit/read.ts";
import { requestContext } from "../http/context.ts";
import { lifetime } from "./lifetime.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "audit" as const, write: false };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const Entry = t.Object({
  type: t.UnionEnum(LOG_TYPES),
  id: t.Integer(),
  guid: t.String(),
  at: t.String({ format: "date-time", description: "when it happened (a connection record: its last change)" }),
  device: t.Optional(t.String({ description: "RustDesk ID" })),
  peer: t.Optional(t.String({ description: "the remote side: ID (name)" })),
  action: t.String({ description: "conn: opened, authorised, closed; file: sent, received; alarm: its name; console: the action" }),
  details: t.Record(t.String(), t.Unknown()),
  cursor: t.Integer({ description: "this entry's position: pass it as cursor to read what comes after it" }),
});

const Filters = {
  device: t.Optional(t.String({ maxLength: 100, description: "only this device (RustDesk ID)" })),
  user: t.Optional(t.String({ maxLength: 200, description: "console: actions by this user (or token:<name>); other logs: this user's devices" })),
  since: t.Optional(t.String({ maxLength: 20, description: "only entries newer than this: 30m, 12h, 7d, 2w" })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 1000, error: "limit: a whole number from 1 to 1000", description: "page size (default 100)" })),
};

function sinceOf(ctx: ServiceContext, since: string | undefined): number | undefined {
  if (since === undefined) return undefined;
  const ms = lifetime("since", since);
  if (ms === null) throw invalid("since takes a duration such as 30m, 12h, 7d, 2w");
  return ctx.now() - ms;
}

export function adminAuditRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/admin-audit", detail: { tags: ["admin: audit"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/audit",
      ({ request, actor, query }) => {
        const ctx = requestContext(deps, request, actor);
        const cursors = parseAllCursor(query.cursor);
        const page = pageAllLogs(ctx, { device: query.device, user: query.user, since: sinceOf(ctx, query.since) }, cursors, query.limit ?? 100);
        const data = page.entries.map(({ position: _, at, ...e }) => ({ ...e, at: new Date(at).toISOString() }));
        return { data, next_cursor: page.next };
      },
      {
        apiToken: READ,
        query: t.Object({
          ...Filters,
          cursor: t.Optional(t.String({ maxLength: 70, description: 'read after this position: a next_cursor or an entry\'s cursor ("conn.file.alarm.console" positions; default "0.0.0.0", the start)' })),
        }),
        response: {
          200: t.Object({
            data: t.Array(t.Composite([t.Omit(Entry, ["cursor"]), t.Object({ cursor: t.String({ description: "this entry's position in every log: pass it as cursor to read what comes after it" }) })])),
            next_cursor: t.Nullable(t.String({ description: "pass as cursor for the next page; null: this page reached the end" })),
          }),
          ...errors,
        },
        detail: { summary: "Every audit log merged by time, oldest first from the cursor, with `audit tail`'s filters (audit tail without --type); needs audit:r" },
      },
    )
    .get(
      "/api/admin/audit/:type",
      ({ request, actor, params, query }) => {
        const ctx = requestContext(deps, request, actor);
        const filter = { type: params.type, device: query.device, user: query.user, since: sinceOf(ctx, query.since) };
        const limit = query.limit ?? 100;
        const page = query.order === "newest" ? pageLogNewest(ctx, filter, query.cursor, limit) : pageLog(ctx, filter, query.cursor ?? 0, limit);
        const data = page.entries.map(({ position, at, ...e }) => ({ ...e, at: new Date(at).toISOString(), cursor: position }));
        return { data, next_cursor: page.next };
      },
      {
        apiToken: READ,
        params: t.Object({ type: t.UnionEnum(LOG_TYPES, { error: `type: one of ${LOG_TYPES.join(", ")}`, description: "which log" }) }),
        query: t.Object({
          ...Filters,
          cursor: t.Optional(t.Integer({ minimum: 0, error: "cursor: a next_cursor or an entry's cursor (a whole number)", description: "read after this position (default: from the start)" })),
          order: t.Optional(t.UnionEnum(["oldest", "newest"], { error: "order: oldest or newest", description: "oldest (default): oldest first after the cursor; newest: newest first before the cursor (from the newest without one)" })),
        }),
        response: {
          200: t.Object({ data: t.Array(Entry), next_cursor: t.Nullable(t.Integer({ description: "pass as cursor for the next page; null: this page reached the end" })) }),
          ...errors,
        },
        detail: { summary: "One audit log, oldest first from the cursor, with `audit tail`'s filters; needs audit:r" },
      },
    );
}
