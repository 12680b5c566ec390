// One user group in full, for `group show` (and later the admin API): who is in it, what its
// members may see besides their own group, and which groups may see it.
import { asc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { groupAccess, userGroupMembers, userGroups, users } from "../db/schema.ts";
import { groupAccessOf, requireGroup } from "./service.ts";
import { usersWithAccessTo } from "./user-access.ts";

export interface GroupDetail {
  guid: string;
  name: string;
  note: string;
  members: { name: string; isAdmin: boolean; status: number }[];
  /** What the members may see besides their own group (group set --can-access-…). */
  canAccess: { groups: string[]; deviceGroups: string[] };
  /** User groups whose members may see this group's users and devices. */
  accessibleBy: string[];
  /** Single users who may see this group's users and devices (Pro's type-2 rules). */
  accessibleByUsers: string[];
  createdAt: number;
}

export function showGroup(ctx: ServiceContext, name: string): GroupDetail {
  const g = requireGroup(ctx, name);
  const members = ctx.db
    .select({ name: users.name, isAdmin: users.isAdmin, status: users.status })
    .from(userGroupMembers)
    .innerJoin(users, eq(users.id, userGroupMembers.userId))
    .where(eq(userGroupMembers.groupId, g.id))
    .orderBy(sql`${users.name} collate nocase`)
    .all();
  const access = groupAccessOf(ctx, g.name);
  return {
    guid: g.guid,
    name: g.name,
    note: g.note,
    members,
    canAccess: { groups: access.userGroups, deviceGroups: access.deviceGroups },
    accessibleBy: groupsWithAccessTo(ctx, { userGroupId: g.id }),
    accessibleByUsers: usersWithAccessTo(ctx, { userGroupId: g.id }),
    createdAt: g.createdAt,
  };
}

/** The user groups whose members may see a user group or a device group (by its row id). */
export function groupsWithAccessTo(ctx: ServiceContext, to: { userGroupId: number } | { deviceGroupId: number }): string[] {
  return ctx.db
    .select({ name: userGroups.name })
    .from(groupAccess)
    .innerJoin(userGroups, eq(userGroups.id, groupAccess.groupId))
    .where("userGroupId" in to ? eq(groupAccess.userGroupId, to.userGroupId) : eq(groupAccess.deviceGroupId, to.deviceGroupId))
    .orderBy(asc(userGroups.name))
    .all()
    .map((r) => r.name);
}
