// How far strategies have landed across the fleet, as counts: the per-device answer of strategy status
// (src/strategies/rollout.ts) without building 100,000 rows in JavaScript. The strategy that applies is the
// first enabled one of device > owner > device group > default (resolve.ts). The stamp each enabled strategy
// should have is computed once here and handed to SQLite as constants, so no pass joins strategies. When only
// the default applies (no device, owner or group has an enabled strategy: the usual fleet-wide setup), the
// pass runs over the narrow presence table alone, not over devices.
import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { deviceGroups, devices, strategies, users } from "../db/schema.ts";
import { periodOf, stampOf } from "../strategies/stamp.ts";

export interface RolloutCounts {
  /** Devices that confirmed their strategy's current settings. */
  applied: number;
  /** Online devices that have not confirmed them yet (they will at their next beats). */
  pending: number;
  /** Offline devices that have not confirmed them. */
  offline: number;
}

type Sums = { sid: number; applied: number; pending: number; offline: number };

/** Across the fleet: the sum of rolloutByStrategy. */
export function rolloutCounts(ctx: ServiceContext): RolloutCounts {
  const sum = { applied: 0, pending: 0, offline: 0 };
  for (const c of rolloutByStrategy(ctx).values()) for (const k of ["applied", "pending", "offline"] as const) sum[k] += c[k];
  return sum;
}

/** Per strategy (by name) that applies to at least one device: the strategy list's reach, in the same one pass. */
export function rolloutByStrategy(ctx: ServiceContext): Map<string, RolloutCounts> {
  const enabled = ctx.db.select().from(strategies).where(sql`${strategies.enabled} = 1`).all();
  if (!enabled.length) return new Map(); // nothing to roll out: no pass at all
  const now = ctx.now();
  // Row ids and stamps are integers computed here: safe to write into the SQL text.
  const ids = sql.raw(enabled.map((s) => s.id).join(", "));
  const stamps = sql.raw(enabled.map((s) => `when ${s.id} then ${stampOf(s.options, periodOf(s.reapplyHours, now))}`).join(" "));
  const fallback = sql.raw(String(enabled.find((s) => s.isDefault)?.id ?? "null"));
  const any = (q: { n: number } | undefined) => (q?.n ?? 0) > 0;
  const count = { n: sql<number>`count(*)` };
  // Each of these reads an index (devices_strategy, or a small table).
  const byDevice = any(ctx.db.select(count).from(devices).where(sql`${devices.strategyId} in (${ids})`).get());
  const byUser = any(ctx.db.select(count).from(users).where(sql`${users.strategyId} in (${ids})`).get());
  const byGroup = any(ctx.db.select(count).from(deviceGroups).where(sql`${deviceGroups.strategyId} in (${ids})`).get());
  const onlineSince = now - ctx.config.devices.offline_after_seconds * 1000;
  const level = (col: string) => sql.raw(`case when ${col} in (${enabled.map((s) => s.id).join(", ")}) then ${col} end`);
  const assigned = byDevice || byUser || byGroup;
  if (!assigned && !enabled.some((s) => s.isDefault)) return new Map();
  // The owner's and the group's strategy by scalar subquery, not LEFT JOIN: with statistics from when users were
  // few, SQLite planned the join as a scan of users per device (1.2 s at 100,000 devices and 500 users). Each
  // device's strategy is worked out once, in a materialized table: written inline, each subquery ran four times.
  const userSid = "(select u.strategy_id from users u where u.id = d.owner_id)";
  const groupSid = "(select g.strategy_id from device_groups g where g.id = d.group_id)";
  const parts = [byDevice && level("d.strategy_id"), byUser && level(userSid), byGroup && level(groupSid), fallback].filter((x) => x !== false);
  const pass = (from: SQL, sid: SQL) => sql`
    select sid, sum(ok) as applied, sum(not ok and online) as pending, sum(not ok and not online) as offline from (
      select ${sid} as sid, st.confirmed_stamp is (case ${sid} ${stamps} end) as ok, coalesce(p.last_seen_at >= ${onlineSince}, 0) as online
      from ${from} where ${sid} is not null) group by sid`;
  const rows = ctx.db.all<Sums>(
    assigned
      ? sql`with x as materialized (select d.id as id, coalesce(${sql.join(parts, sql`, `)}) as sid from devices d) ${pass(
          sql.raw("x left join device_presence p on p.device_id = x.id left join device_strategy_state st on st.device_id = x.id"),
          sql.raw("x.sid"),
        )}`
      : // a presence row per device (trigger, migration 0006)
        pass(sql.raw("device_presence p left join device_strategy_state st on st.device_id = p.device_id"), fallback),
  );
  const name = new Map(enabled.map((s) => [s.id, s.name]));
  return new Map(rows.map((r) => [name.get(r.sid)!, { applied: r.applied, pending: r.pending, offline: r.offline }]));
}
