// Assigning a strategy directly to devices, users (for the devices they own) and device groups,
// or clearing it. All targets are checked before anything changes: one unknown name changes nothing.
import { eq, inArray } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { invalid, notFound } from "../core/errors.ts";
import { deviceGroups, devices, users } from "../db/schema.ts";
import { findDeviceGroup } from "../device-groups/service.ts";
import { findDevice } from "../devices/registry.ts";
import { findUserRow } from "../users/service.ts";
import type { StrategyRow } from "./model.ts";
import { requireStrategy, requireStrategyByGuid, target } from "./service.ts";

export interface AssignTargets {
  /** RustDesk IDs. */
  devices?: readonly string[];
  users?: readonly string[];
  deviceGroups?: readonly string[];
}

function resolveTargets(ctx: ServiceContext, t: AssignTargets) {
  const each = <R>(names: readonly string[] | undefined, find: (n: string) => R | undefined, what: string) =>
    [...new Set(names ?? [])].map((n) => find(n) ?? (() => { throw notFound(`${what} "${n}" not found`); })());
  return {
    devices: each(t.devices, (n) => findDevice(ctx, n), "device"),
    users: each(t.users, (n) => findUserRow(ctx, n), "user"),
    deviceGroups: each(t.deviceGroups, (n) => findDeviceGroup(ctx, n), "device group"),
  };
}

/** Sets (or with `strategyName` null, clears) the direct strategy of every target; returns how many there were. */
export function assignStrategy(ctx: ServiceContext, strategyName: string | null, targets: AssignTargets): number {
  return withTransaction(ctx, (tx) => apply(tx, strategyName === null ? null : requireStrategy(tx, strategyName), resolveTargets(tx, targets)));
}

/** The same by guid (RustDesk Server Pro's POST /api/strategies/assign): every guid known, or nothing changes. */
export function assignStrategyByGuid(ctx: ServiceContext, strategyGuid: string | null, targets: { devices: readonly string[]; users: readonly string[]; deviceGroups: readonly string[] }): number {
  return withTransaction(ctx, (tx) => {
    const strategy = strategyGuid === null ? null : requireStrategyByGuid(tx, strategyGuid);
    const each = <R>(guids: readonly string[], find: (g: string) => R | undefined, what: string) =>
      [...new Set(guids)].map((g) => find(g) ?? (() => { throw notFound(`${what} ${g} not found`); })());
    return apply(tx, strategy, {
      devices: each(targets.devices, (g) => tx.db.select().from(devices).where(eq(devices.guid, g)).get(), "device"),
      users: each(targets.users, (g) => tx.db.select().from(users).where(eq(users.guid, g)).get(), "user"),
      deviceGroups: each(targets.deviceGroups, (g) => tx.db.select().from(deviceGroups).where(eq(deviceGroups.guid, g)).get(), "device group"),
    });
  });
}

function apply(tx: ServiceContext, strategy: StrategyRow | null, t: ReturnType<typeof resolveTargets>): number {
  const count = t.devices.length + t.users.length + t.deviceGroups.length;
  if (count === 0) throw invalid("name at least one device, user or device group");
  const id = strategy?.id ?? null;
  const now = tx.now();
  if (t.devices.length) tx.db.update(devices).set({ strategyId: id, updatedAt: now }).where(inArray(devices.id, t.devices.map((d) => d.id))).run();
  for (const u of t.users) tx.db.update(users).set({ strategyId: id, updatedAt: now }).where(eq(users.id, u.id)).run();
  for (const g of t.deviceGroups) tx.db.update(deviceGroups).set({ strategyId: id, updatedAt: now }).where(eq(deviceGroups.id, g.id)).run();
  emitAudit(tx, strategy ? "strategy.assign" : "strategy.unassign", strategy ? target(strategy) : null, {
    devices: t.devices.map((d) => d.rdId),
    users: t.users.map((u) => u.name),
    device_groups: t.deviceGroups.map((g) => g.name),
  });
  return count;
}
