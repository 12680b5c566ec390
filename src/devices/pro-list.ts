// Devices as RustDesk Server Pro's admin API lists them (pro-admin-api §5.1): filtered with LIKE semantics
// ("-" = unassigned), counted, one page in a stable order; and a device by its guid.
import { and, asc, eq, sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { invalid, notFound } from "../core/errors.ts";
import { likeFilter } from "../core/like.ts";
import { offsetOf, type Page } from "../core/page.ts";
import { deviceGroups, devicePresence, devices, strategies, userGroupMembers, userGroups, users } from "../db/schema.ts";
import type { DeviceRow } from "./registry.ts";
import { deleteDevice } from "./service.ts";

export interface ProDeviceFilter {
  id?: string;
  /** The admin's name for it (alias), else the hostname it reports. */
  deviceName?: string;
  /** The owner's user name. */
  userName?: string;
  /** The user group of the owner. */
  groupName?: string;
  deviceGroupName?: string;
  /** The OS user an enrolment or an assign set, else the one it reports. */
  deviceUsername?: string;
  enabled?: boolean;
}

export interface ProDevice {
  guid: string;
  id: string;
  enabled: boolean;
  online: boolean;
  /** Last heartbeat, else the registration time (ms). */
  lastOnline: number;
  userName: string;
  userGuid: string;
  groupName: string;
  deviceGroupName: string;
  strategyName: string;
  note: string;
  deviceName: string;
  deviceUsername: string;
  sysinfo: Record<string, string>;
  createdAt: number;
}

const deviceName = sql<string>`coalesce(nullif(${devices.alias}, ''), json_extract(${devices.sysinfo}, '$.hostname'), '')`;
const deviceUsername = sql<string>`coalesce(nullif(${devices.deviceUsername}, ''), json_extract(${devices.sysinfo}, '$.username'), '')`;

export function listProDevices(ctx: ServiceContext, f: ProDeviceFilter, page: Page): { total: number; data: ProDevice[] } {
  const onlineSince = ctx.now() - ctx.config.devices.offline_after_seconds * 1000;
  const where = and(
    likeFilter(devices.rdId, f.id),
    likeFilter(deviceName, f.deviceName),
    likeFilter(users.name, f.userName),
    likeFilter(userGroups.name, f.groupName),
    likeFilter(deviceGroups.name, f.deviceGroupName),
    likeFilter(deviceUsername, f.deviceUsername),
    f.enabled === undefined ? undefined : eq(devices.enabled, f.enabled),
  );
  const count = ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(devices)
    .leftJoin(users, eq(users.id, devices.ownerId))
    .leftJoin(userGroupMembers, eq(userGroupMembers.userId, devices.ownerId))
    .leftJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .leftJoin(deviceGroups, eq(deviceGroups.id, devices.groupId))
    .where(where)
    .get()!.n;
  const rows = ctx.db
    .select({ d: devices, seen: devicePresence.lastSeenAt, user: users.name, userGuid: users.guid, group: userGroups.name, deviceGroup: deviceGroups.name, strategy: strategies.name, deviceName, deviceUsername })
    .from(devices)
    .leftJoin(devicePresence, eq(devicePresence.deviceId, devices.id))
    .leftJoin(users, eq(users.id, devices.ownerId))
    .leftJoin(userGroupMembers, eq(userGroupMembers.userId, devices.ownerId))
    .leftJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .leftJoin(deviceGroups, eq(deviceGroups.id, devices.groupId))
    .leftJoin(strategies, eq(strategies.id, devices.strategyId))
    .where(where)
    .orderBy(asc(devices.id))
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .all();
  return {
    total: count,
    data: rows.map((r) => ({
      guid: r.d.guid,
      id: r.d.rdId,
      enabled: r.d.enabled,
      online: r.seen !== null && r.seen >= onlineSince,
      lastOnline: r.seen ?? r.d.createdAt,
      userName: r.user ?? "",
      userGuid: r.userGuid ?? "",
      groupName: r.group ?? "",
      deviceGroupName: r.deviceGroup ?? "",
      strategyName: r.strategy ?? "",
      note: r.d.note,
      deviceName: r.deviceName ?? "",
      deviceUsername: r.deviceUsername ?? "",
      sysinfo: r.d.sysinfo,
      createdAt: r.d.createdAt,
    })),
  };
}

export function requireDeviceByGuid(ctx: ServiceContext, guid: string): DeviceRow {
  const d = ctx.db.select().from(devices).where(eq(devices.guid, guid)).get();
  if (!d) throw notFound(`device ${guid} not found`);
  return d;
}

/** Pro's delete: only a disabled device (pro-admin-api §5.3); returns its RustDesk ID. */
export function deleteDisabledDevice(ctx: ServiceContext, guid: string): string {
  return withTransaction(ctx, (tx) => {
    const d = requireDeviceByGuid(tx, guid);
    if (d.enabled) throw invalid(`device ${d.rdId} is enabled: disable it before deleting it`);
    deleteDevice(tx, d.rdId);
    return d.rdId;
  });
}
