// Where strategies have landed: for each device, the strategy that applies and why, what it should
// have, what was last sent and whether the device confirmed it (its heartbeat echoed the stamp).
// Read from the database (presence as last flushed), for the CLI and the admin API.
import { eq, inArray, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { deviceGroups, devicePresence, devices, deviceStrategyState, strategies, users } from "../db/schema.ts";
import type { Level, StrategyRow } from "./model.ts";
import { resolveStrategy } from "./resolve.ts";
import { periodOf, stampOf } from "./stamp.ts";

/** applied: confirmed; pending: online, not yet confirmed; offline: not seen since; clearing: keys of a strategy
 * that no longer applies are being removed; none: nothing to manage. */
export type RolloutState = "applied" | "pending" | "offline" | "clearing" | "none";

export interface DeviceStrategy {
  device: string;
  deviceId: number;
  strategy: string | null;
  level: Level | null;
  shadowed: { strategy: string; level: Level; reason: "disabled" | "shadowed" }[];
  /** What the device should have (with "" for keys being removed). */
  options: Record<string, string>;
  stamp: number | null;
  state: RolloutState;
  online: boolean;
  lastSeenAt: number | null;
  sentOptions: Record<string, string> | null;
  sentAt: number | null;
  confirmedAt: number | null;
}

type FleetRow = {
  id: number;
  rdId: string;
  strategyId: number | null;
  ownerId: number | null;
  groupId: number | null;
  seen: number | null;
  st: number | null;
  keys: string | null;
  sentOptions: string | null;
  sentAt: number | null;
  confirmedStamp: number | null;
  confirmedAt: number | null;
};

/** Every device's strategy, or one device's (by its row id), or those of a page of devices (by RustDesk ID). */
export function deviceStrategies(ctx: ServiceContext, only?: number | { rdIds: readonly string[] }): DeviceStrategy[] {
  if (typeof only === "object" && only.rdIds.length === 0) return [];
  const now = ctx.now();
  const onlineSince = now - ctx.config.devices.offline_after_seconds * 1000;
  const byId = new Map(ctx.db.select().from(strategies).all().map((s) => [s.id, s]));
  const fallback = [...byId.values()].find((s) => s.isDefault);
  const userStrategy = new Map(ctx.db.select({ id: users.id, s: users.strategyId }).from(users).where(sql`${users.strategyId} is not null`).all().map((r) => [r.id, r.s!]));
  const groupStrategy = new Map(ctx.db.select({ id: deviceGroups.id, s: deviceGroups.strategyId }).from(deviceGroups).where(sql`${deviceGroups.strategyId} is not null`).all().map((r) => [r.id, r.s!]));
  const where = only === undefined ? undefined : typeof only === "number" ? eq(devices.id, only) : inArray(devices.rdId, [...only.rdIds]);
  // Plain rows, JSON parsed here only where a device has strategy state: drizzle's mapping of 100,000 joined
  // rows took ≈ 150 of ≈ 250 ms.
  const rows = ctx.db.all<FleetRow>(sql`
    select ${devices.id} as id, ${devices.rdId} as rdId, ${devices.strategyId} as strategyId, ${devices.ownerId} as ownerId,
      ${devices.groupId} as groupId, ${devicePresence.lastSeenAt} as seen, ${deviceStrategyState.deviceId} as st,
      ${deviceStrategyState.keys} as keys, ${deviceStrategyState.sentOptions} as sentOptions, ${deviceStrategyState.sentAt} as sentAt,
      ${deviceStrategyState.confirmedStamp} as confirmedStamp, ${deviceStrategyState.confirmedAt} as confirmedAt
    from ${devices} left join ${devicePresence} on ${devicePresence.deviceId} = ${devices.id}
      left join ${deviceStrategyState} on ${deviceStrategyState.deviceId} = ${devices.id}
    ${where ? sql`where ${where}` : sql``} order by ${devices.id}`);
  const at = (id: number | null | undefined) => (id == null ? undefined : byId.get(id));
  // One hash per strategy, not per device: at 100,000 devices hashing each one's options took most of a second.
  const stamps = new Map<number | undefined, number>();
  const stampFor = (s: StrategyRow | undefined) => {
    let v = stamps.get(s?.id);
    if (v === undefined) stamps.set(s?.id, (v = stampOf(s?.options ?? {}, periodOf(s?.reapplyHours ?? null, now))));
    return v;
  };
  return rows.map((d) => {
    const seen = d.seen;
    const st = d.st === null ? undefined : { keys: JSON.parse(d.keys!) as string[], sentOptions: d.sentOptions === null ? null : (JSON.parse(d.sentOptions) as Record<string, string>), sentAt: d.sentAt, confirmedStamp: d.confirmedStamp, confirmedAt: d.confirmedAt };
    const r = resolveStrategy<StrategyRow>({
      device: at(d.strategyId),
      user: at(d.ownerId === null ? null : userStrategy.get(d.ownerId)),
      device_group: at(d.groupId === null ? null : groupStrategy.get(d.groupId)),
      default: fallback,
    });
    const applied = r.applied?.strategy;
    const keys = st?.keys ?? [];
    const options: Record<string, string> = { ...(applied?.options ?? {}) };
    for (const k of keys) if (!(k in options)) options[k] = "";
    const manages = applied !== undefined || keys.length > 0;
    const stamp = manages ? stampFor(applied) : null;
    const online = seen != null && seen >= onlineSince;
    const state: RolloutState = !manages ? "none" : st?.confirmedStamp === stamp ? (applied ? "applied" : "none") : !applied ? "clearing" : online ? "pending" : "offline";
    return {
      device: d.rdId,
      deviceId: d.id,
      strategy: applied?.name ?? null,
      level: r.applied?.level ?? null,
      shadowed: r.shadowed.map((s) => ({ strategy: s.strategy.name, level: s.level, reason: s.reason })),
      options,
      stamp,
      state,
      online,
      lastSeenAt: seen ?? null,
      sentOptions: st?.sentOptions ?? null,
      sentAt: st?.sentAt ?? null,
      confirmedAt: st?.confirmedStamp === stamp ? (st?.confirmedAt ?? null) : null,
    };
  });
}
