// One user group in full, for `group show` (and later the admin API): who is in it, what its
// members may see besides their own group, and which groups may see it.
import { asc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { groupAccess, userGroupMembers, userGroups, users } from "../db/schema.ts";
import { groupAccessOf, requireGroup } from "./service.ts";

export interface GroupDetail {
  guid: string;
  name: string;
  note: string;
  members: { name: string; isAdmin: boolean; status: number }[];
  /** What the members may see besides their own group (group set --can-access-…). */
  canAccess: { groups: string[]; deviceGroups: string[] };
  /** User groups whose members may see this group's users and devices. */
  accessibleBy: string[];
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
  const by = ctx.db
    .select({ name: userGroups.name })
    .from(groupAccess)
    .innerJoin(userGroups, eq(userGroups.id, groupAccess.groupId))
    .where(eq(groupAccess.userGroupId, g.id))
    .orderBy(asc(userGroups.name))
    .all();
  return {
    guid: g.guid,
    name: g.name,
    note: g.note,
    members,
    canAccess: { groups: access.userGroups, deviceGroups: access.deviceGroups },
    accessibleBy: by.map((r) => r.name),
    createdAt: g.createdAt,
  };
}
