// The one visibility rule: admins see everything; a user sees themselves, the users of their group
// and of the user groups it (or the user by name) may access, devices they own, devices owned by users
// they can see, and devices in the device groups their group (or the user by name) may access.
import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { deviceGroups, devices, groupAccess, userGroupMembers, users } from "../db/schema.ts";
import { offsetOf, type Page } from "../core/page.ts";
import { accessGrantedTo } from "../groups/user-access.ts";

export interface Scope {
  all: boolean;
  userId: number;
  userGroupIds: number[];
  deviceGroupIds: number[];
}

export function scopeOf(ctx: ServiceContext): Scope {
  const a = ctx.actor;
  if (a.type === "cli" || a.type === "system" || a.isAdmin) return { all: true, userId: a.userId ?? -1, userGroupIds: [], deviceGroupIds: [] };
  const userId = a.userId ?? -1;
  // Granted to the user by name (Pro's type-2 rules), with or without a group of their own.
  const granted = accessGrantedTo(ctx, userId);
  const own = ctx.db.select({ id: userGroupMembers.groupId }).from(userGroupMembers).where(eq(userGroupMembers.userId, userId)).get()?.id;
  const access = own === undefined ? [] : ctx.db.select().from(groupAccess).where(eq(groupAccess.groupId, own)).all();
  return {
    all: false,
    userId,
    userGroupIds: [...new Set([...(own === undefined ? [] : [own]), ...access.flatMap((r) => (r.userGroupId === null ? [] : [r.userGroupId])), ...granted.userGroupIds])],
    deviceGroupIds: [...new Set([...access.flatMap((r) => (r.deviceGroupId === null ? [] : [r.deviceGroupId])), ...granted.deviceGroupIds])],
  };
}

const none = sql`0`;

/** Condition on `users` for the users a scope sees. */
export function visibleUsers(s: Scope): SQL | undefined {
  if (s.all) return undefined;
  const inGroups = s.userGroupIds.length
    ? inArray(users.id, sql`(select ${userGroupMembers.userId} from ${userGroupMembers} where ${inArray(userGroupMembers.groupId, s.userGroupIds)})`)
    : none;
  return or(eq(users.id, s.userId), inGroups);
}

/** Condition on `devices` for the devices a scope sees. */
export function visibleDevices(s: Scope): SQL | undefined {
  if (s.all) return undefined;
  const ownerSeen = and(isNotNull(devices.ownerId), inArray(devices.ownerId, sql`(select ${users.id} from ${users} where ${visibleUsers(s)})`));
  return or(ownerSeen, s.deviceGroupIds.length ? inArray(devices.groupId, s.deviceGroupIds) : none);
}

export function groupViewUsers(ctx: ServiceContext, page: Page, onlyEnabled: boolean) {
  const where = and(visibleUsers(scopeOf(ctx)), onlyEnabled ? eq(users.status, 1) : undefined);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()!.n;
  const rows = ctx.db.select().from(users).where(where).orderBy(asc(users.id)).limit(page.pageSize).offset(offsetOf(page)).all();
  return {
    total,
    data: rows.map((u) => ({ name: u.name, display_name: u.displayName, email: u.email, note: u.note, status: u.status, is_admin: u.isAdmin })),
  };
}

export function groupViewPeers(ctx: ServiceContext, page: Page, onlyEnabled: boolean) {
  const where = and(visibleDevices(scopeOf(ctx)), onlyEnabled ? eq(devices.enabled, true) : undefined);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(devices).where(where).get()!.n;
  const rows = ctx.db
    .select({ d: devices, owner: users, group: deviceGroups.name })
    .from(devices)
    .leftJoin(users, eq(users.id, devices.ownerId))
    .leftJoin(deviceGroups, eq(deviceGroups.id, devices.groupId))
    .where(where)
    .orderBy(asc(devices.id))
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .all();
  return {
    total,
    data: rows.map(({ d, owner, group }) => ({
      id: d.rdId,
      info: { username: d.sysinfo.username ?? "", os: d.sysinfo.os ?? "", device_name: d.sysinfo.hostname ?? "" },
      status: d.enabled ? 1 : 0,
      user: owner?.guid ?? "",
      user_name: owner?.name ?? "",
      device_group_name: group ?? "",
      note: d.note,
    })),
  };
}

/**
 * Device groups the scope may access, plus those of the devices it sees
 * (client: flutter/lib/common/widgets/peers_view.dart:585-594 (rustdesk@7423dced) files devices under them).
 */
export function groupViewDeviceGroups(ctx: ServiceContext, page: Page) {
  const s = scopeOf(ctx);
  const where = s.all
    ? undefined
    : or(
        s.deviceGroupIds.length ? inArray(deviceGroups.id, s.deviceGroupIds) : none,
        inArray(deviceGroups.id, sql`(select ${devices.groupId} from ${devices} where ${visibleDevices(s)} and ${devices.groupId} is not null)`),
      );
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(deviceGroups).where(where).get()!.n;
  const rows = ctx.db.select({ name: deviceGroups.name }).from(deviceGroups).where(where).orderBy(asc(deviceGroups.id)).limit(page.pageSize).offset(offsetOf(page)).all();
  return { total, data: rows };
}

/** The row id of the device registered under `rdId` if the actor may see it, else null. */
export function visibleDeviceId(ctx: ServiceContext, rdId: string): number | null {
  return ctx.db.select({ id: devices.id }).from(devices).where(and(eq(devices.rdId, rdId), visibleDevices(scopeOf(ctx)))).get()?.id ?? null;
}
