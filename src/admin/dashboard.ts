// The console's dashboard (../shared/spec/seeds/003's /api/dashboard/*): the overview numbers, the online-devices
// chart and the recent-events timeline. Area admin, read.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { onlineSeries, RANGES } from "../dashboard/online.ts";
import { dashboardStats } from "../dashboard/stats.ts";
import { timeline, TIMELINE_MAX } from "../dashboard/timeline.ts";
import { requestContext } from "../http/context.ts";
import type { StatusSources } from "../status/status.ts";
import { lifetime } from "./lifetime.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem };
const N = (description?: string) => t.Integer({ minimum: 0, description });

const Stats = t.Object({
  users: t.Object({ total: N(), admins: N(), with_2fa: N("a confirmed TOTP authenticator") }),
  devices: t.Object({ total: N(), online: N(), offline_30d: N("not heard from in 30 days, or never"), pending_approval: N() }),
  sessions: t.Object({ live: N("remote connections the online devices report now"), signed_in_clients: N("client logins not expired") }),
  last_24h: t.Object({ logins: N(), failed_logins: N("failed passwords, codes and SSO sign-ins"), alarms: N("alarms devices raised") }),
  heartbeats_per_second: t.Number({ minimum: 0, description: "over the last 10 seconds" }),
  strategy_rollout: t.Object({ applied: N("devices that confirmed their strategy"), pending: N("online, not confirmed yet"), offline: N("offline, not confirmed") }),
  storage: t.Object({ database_bytes: N(), wal_bytes: N(), disk_free_bytes: t.Nullable(N("free on the data dir's disk")) }),
});
const Point = t.Object({ at: t.String({ format: "date-time", description: "the bucket's start" }), online: N("average of the bucket's samples"), peak: N("highest sample"), total: N("devices registered") });
const Event = t.Object({
  id: t.String({ description: "console:<id> or alarm:<id>" }),
  at: t.String({ format: "date-time" }),
  kind: t.UnionEnum(["device", "login", "login_failed", "lockout", "alarm", "admin"]),
  action: t.String({ description: "the console-audit action, or the alarm's name" }),
  actor: t.String(),
  target: t.Nullable(t.String()),
  details: t.Record(t.String(), t.Unknown()),
});

/** A duration back from now (30m, 12h, 7d, 2w) or a date-time. */
function sinceOf(value: string, now: number): number {
  if (/^\d+[mhdw]$/.test(value)) return now - lifetime("since", value)!;
  const at = Date.parse(value);
  if (!/^\d{4}-\d\d-\d\d/.test(value) || Number.isNaN(at)) throw invalid(`since takes a duration such as 30m, 12h, 7d, 2w, or a date-time, not "${value.slice(0, 40)}"`);
  return at;
}

export function adminDashboardRoutes(deps: CoreDeps, sources: StatusSources) {
  const ctxOf = (request: Request, actor: Parameters<typeof requestContext>[2]) => requestContext(deps, request, actor);
  return new Elysia({ name: "rdconsole/admin-dashboard", detail: { tags: ["admin: dashboard"] } })
    .use(adminAuth(deps))
    .get("/api/admin/dashboard/stats", ({ request, actor }) => dashboardStats(ctxOf(request, actor), { heartbeatsPerSecond: sources.heartbeatRate.perSecond(deps.now()) }), {
      apiToken: READ,
      response: { 200: Stats, ...errors },
      detail: { summary: "Overview: users, devices (online, offline, pending), live sessions, the last 24 h, heartbeat rate, strategy rollout, storage; needs admin:r" },
    })
    .get(
      "/api/admin/dashboard/online",
      ({ request, actor, query }) => {
        const s = onlineSeries(ctxOf(request, actor), query.range ?? "24h");
        return { range: s.range, step_seconds: s.stepMs / 1000, points: s.points.map((p) => ({ ...p, at: new Date(p.at).toISOString() })) };
      },
      {
        apiToken: READ,
        query: t.Object({ range: t.Optional(t.String({ maxLength: 10, description: `${Object.keys(RANGES).join(", ")} (default 24h)` })) }),
        response: { 200: t.Object({ range: t.String(), step_seconds: N(), points: t.Array(Point) }), ...errors },
        detail: { summary: "Online devices over time (sampled every 5 minutes, kept 30 days), oldest first: 24h in 5-minute, 7d in 30-minute, 30d in 2-hour buckets; needs admin:r" },
      },
    )
    .get(
      "/api/admin/dashboard/timeline",
      ({ request, actor, query }) => {
        const ctx = ctxOf(request, actor);
        const since = query.since === undefined ? undefined : sinceOf(query.since, ctx.now());
        return { data: timeline(ctx, { since, limit: query.limit ?? 50 }).map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
      },
      {
        apiToken: READ,
        query: t.Object({
          since: t.Optional(t.String({ maxLength: 40, description: "only events at or after this: 30m, 12h, 7d, 2w, or a date-time" })),
          limit: t.Optional(t.Integer({ minimum: 1, maximum: TIMELINE_MAX, error: `limit: a whole number from 1 to ${TIMELINE_MAX}`, description: "most events (default 50)" })),
        }),
        response: { 200: t.Object({ data: t.Array(Event) }), ...errors },
        detail: { summary: "Recent notable events, newest first: new devices, logins, failed logins, lockouts, alarms, admin changes; needs admin:r" },
      },
    );
}
