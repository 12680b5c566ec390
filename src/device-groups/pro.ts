// Device groups as RustDesk Server Pro's admin API handles them (pro-admin-api §6): by guid, with the
// access rule "who may reach this group's devices" (allowed_incomings) and membership by device ID.
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { invalid, notFound } from "../core/errors.ts";
import { likeFilter } from "../core/like.ts";
import { offsetOf, type Page } from "../core/page.ts";
import { checkText } from "../core/validate.ts";
import { deviceGroups, devices, groupAccess, strategies } from "../db/schema.ts";
import { requireGroup } from "../groups/service.ts";
import { groupsWithAccessTo } from "../groups/show.ts";
import { setUsersWithAccess, usersWithAccessTo } from "../groups/user-access.ts";
import { createDeviceGroup, renameDeviceGroup, type DeviceGroupRow } from "./service.ts";

/** An access rule as Pro writes it: type 0 a user group, 1 a device group, 2 a user (pro-admin-api §2.2). */
export interface AccessRule {
  type: number;
  name: string;
}

export interface ProDeviceGroup {
  guid: string;
  name: string;
  note: string;
  allowedIncomings: AccessRule[];
  strategyName: string;
  deviceCount: number;
  createdAt: number;
}

const target = (g: DeviceGroupRow) => ({ type: "device_group", guid: g.guid, name: g.name });

export function requireDeviceGroupByGuid(ctx: ServiceContext, guid: string): DeviceGroupRow {
  const g = ctx.db.select().from(deviceGroups).where(eq(deviceGroups.guid, guid)).get();
  if (!g) throw notFound(`device group ${guid} not found`);
  return g;
}

export function listProDeviceGroups(ctx: ServiceContext, name: string | undefined, page: Page): { total: number; data: ProDeviceGroup[] } {
  const where = likeFilter(deviceGroups.name, name);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(deviceGroups).where(where).get()!.n;
  const rows = ctx.db
    .select({ g: deviceGroups, strategy: strategies.name, count: sql<number>`(select count(*) from ${devices} where ${devices.groupId} = ${deviceGroups.id})` })
    .from(deviceGroups)
    .leftJoin(strategies, eq(strategies.id, deviceGroups.strategyId))
    .where(where)
    .orderBy(asc(deviceGroups.id))
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .all();
  return {
    total,
    data: rows.map(({ g, strategy, count }) => ({
      guid: g.guid,
      name: g.name,
      note: g.note,
      allowedIncomings: [
        ...groupsWithAccessTo(ctx, { deviceGroupId: g.id }).map((n) => ({ type: 0, name: n })),
        ...usersWithAccessTo(ctx, { deviceGroupId: g.id }).map((n) => ({ type: 2, name: n })),
      ],
      strategyName: strategy ?? "",
      deviceCount: count,
      createdAt: g.createdAt,
    })),
  };
}

/** Type 0 rules name user groups, type 2 single users; any other type is refused before anything is written. */
function setIncomings(ctx: ServiceContext, g: DeviceGroupRow, rules: readonly AccessRule[]): void {
  rules.forEach((r, i) => {
    if (r.type !== 0 && r.type !== 2) throw invalid(`allowed_incomings[${i}]: type ${r.type} is not allowed here (0 user group, 2 user)`);
  });
  const ids = [...new Set(rules.filter((r) => r.type === 0).map((r) => requireGroup(ctx, r.name).id))];
  ctx.db.delete(groupAccess).where(eq(groupAccess.deviceGroupId, g.id)).run();
  for (const id of ids) ctx.db.insert(groupAccess).values({ groupId: id, deviceGroupId: g.id }).run();
  setUsersWithAccess(ctx, { deviceGroupId: g.id }, rules.filter((r) => r.type === 2).map((r) => r.name));
}

export interface ProDeviceGroupInput {
  name?: string;
  note?: string;
  allowedIncomings?: readonly AccessRule[];
}

export function createProDeviceGroup(ctx: ServiceContext, input: ProDeviceGroupInput & { name: string }): DeviceGroupRow {
  return withTransaction(ctx, (tx) => {
    const g = createDeviceGroup(tx, { name: input.name, note: input.note });
    if (input.allowedIncomings?.length) {
      setIncomings(tx, g, input.allowedIncomings);
      emitAudit(tx, "device_group.update", target(g), { allowed_incomings: input.allowedIncomings });
    }
    return g;
  });
}

/** Changes what is given; an empty allowed_incomings clears the rules. */
export function updateProDeviceGroup(ctx: ServiceContext, guid: string, input: ProDeviceGroupInput): void {
  withTransaction(ctx, (tx) => {
    let g = requireDeviceGroupByGuid(tx, guid);
    if (input.name !== undefined && input.name !== g.name) g = renameDeviceGroup(tx, g.name, input.name);
    const details: Record<string, unknown> = {};
    if (input.note !== undefined) {
      tx.db.update(deviceGroups).set({ note: checkText("note", input.note, 2000), updatedAt: tx.now() }).where(eq(deviceGroups.id, g.id)).run();
      details.note = input.note;
    }
    if (input.allowedIncomings !== undefined) {
      setIncomings(tx, g, input.allowedIncomings);
      details.allowed_incomings = input.allowedIncomings;
    }
    if (Object.keys(details).length) emitAudit(tx, "device_group.update", target(g), details);
  });
}

/** Devices named by RustDesk ID (or guid), each known, or nothing changes. */
function devicesNamed(ctx: ServiceContext, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) throw invalid("name at least one device ID");
  const rows = ctx.db
    .select({ id: devices.id, rdId: devices.rdId, guid: devices.guid, groupId: devices.groupId })
    .from(devices)
    .where(or(inArray(devices.rdId, wanted), inArray(devices.guid, wanted)))
    .all();
  const missing = wanted.filter((w) => !rows.some((r) => r.rdId === w || r.guid === w));
  if (missing.length) throw notFound(`device ${missing.slice(0, 10).join(", ")} not found`);
  return rows;
}

/** Moves the devices into the group (a device is in one group at most). */
export function addDevicesToGroup(ctx: ServiceContext, guid: string, ids: readonly string[]): void {
  withTransaction(ctx, (tx) => {
    const g = requireDeviceGroupByGuid(tx, guid);
    const rows = devicesNamed(tx, ids);
    tx.db.update(devices).set({ groupId: g.id, updatedAt: tx.now() }).where(inArray(devices.id, rows.map((r) => r.id))).run();
    emitAudit(tx, "device_group.add_devices", target(g), { devices: rows.map((r) => r.rdId) });
  });
}

/** Takes the devices out of the group; those not in it are left alone. */
export function removeDevicesFromGroup(ctx: ServiceContext, guid: string, ids: readonly string[]): void {
  withTransaction(ctx, (tx) => {
    const g = requireDeviceGroupByGuid(tx, guid);
    const rows = devicesNamed(tx, ids).filter((r) => r.groupId === g.id);
    if (rows.length) tx.db.update(devices).set({ groupId: null, updatedAt: tx.now() }).where(and(inArray(devices.id, rows.map((r) => r.id)), eq(devices.groupId, g.id))).run();
    emitAudit(tx, "device_group.remove_devices", target(g), { devices: rows.map((r) => r.rdId) });
  });
}
