// Device groups: named; a device is in at most one.
import { asc, eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { deviceGroups, devices } from "../db/schema.ts";
import { conflict, notFound } from "../core/errors.ts";
import { checkEntityName, checkText } from "../core/validate.ts";
import { setUsersWithAccess } from "../groups/user-access.ts";

export type DeviceGroupRow = typeof deviceGroups.$inferSelect;
const target = (g: DeviceGroupRow) => ({ type: "device_group", guid: g.guid, name: g.name });

export function findDeviceGroup(ctx: ServiceContext, name: string): DeviceGroupRow | undefined {
  return ctx.db.select().from(deviceGroups).where(sql`${deviceGroups.name} = ${name} collate nocase`).get();
}

export function requireDeviceGroup(ctx: ServiceContext, name: string): DeviceGroupRow {
  const g = findDeviceGroup(ctx, name);
  if (!g) throw notFound(`device group "${name}" not found`);
  return g;
}

function checkName(ctx: ServiceContext, name: string, except?: number): string {
  const n = checkEntityName("device group", name);
  const same = findDeviceGroup(ctx, n);
  if (same && same.id !== except) throw conflict(`a device group named "${same.name}" already exists`);
  return n;
}

export function createDeviceGroup(ctx: ServiceContext, input: { name: string; note?: string }): DeviceGroupRow {
  return withTransaction(ctx, (tx) => {
    const name = checkName(tx, input.name);
    const now = tx.now();
    const row = tx.db.insert(deviceGroups).values({ name, note: checkText("note", input.note ?? "", 2000), createdAt: now, updatedAt: now }).returning().get();
    emitAudit(tx, "device_group.create", target(row));
    return row;
  });
}

export function renameDeviceGroup(ctx: ServiceContext, name: string, newName: string): DeviceGroupRow {
  return withTransaction(ctx, (tx) => {
    const g = requireDeviceGroup(tx, name);
    const n = checkName(tx, newName, g.id);
    const row = tx.db.update(deviceGroups).set({ name: n, updatedAt: tx.now() }).where(eq(deviceGroups.id, g.id)).returning().get()!;
    emitAudit(tx, "device_group.rename", target(g), { new_name: n });
    return row;
  });
}

/** Renames the group and/or replaces the single users who may see its devices, in one step. */
export function updateDeviceGroup(ctx: ServiceContext, name: string, input: { name?: string; accessibleByUsers?: string[] }): DeviceGroupRow {
  return withTransaction(ctx, (tx) => {
    let g = requireDeviceGroup(tx, name);
    if (input.name !== undefined && input.name !== g.name) g = renameDeviceGroup(tx, g.name, input.name);
    if (input.accessibleByUsers) {
      const stored = setUsersWithAccess(tx, { deviceGroupId: g.id }, input.accessibleByUsers);
      emitAudit(tx, "device_group.update", target(g), { accessible_by_users: stored });
    }
    return g;
  });
}

export function deleteDeviceGroup(ctx: ServiceContext, name: string): void {
  withTransaction(ctx, (tx) => {
    const g = requireDeviceGroup(tx, name);
    tx.db.delete(deviceGroups).where(eq(deviceGroups.id, g.id)).run();
    emitAudit(tx, "device_group.delete", target(g));
  });
}

export function listDeviceGroups(ctx: ServiceContext) {
  return ctx.db
    .select({ group: deviceGroups, devices: sql<number>`(select count(*) from ${devices} where ${devices.groupId} = ${deviceGroups.id})` })
    .from(deviceGroups)
    .orderBy(asc(deviceGroups.id))
    .all()
    .map((r) => ({ ...r.group, devices: r.devices }));
}
