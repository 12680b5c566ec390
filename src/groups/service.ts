// User groups, as far as address-book rules need them: create, list, delete, membership.
// (A user is in at most one group; access lists between groups come with devices.)
import { asc, eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { deviceGroups, groupAccess, userGroupMembers, userGroups } from "../db/schema.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { findUserRow } from "../users/service.ts";
import { checkEntityName, checkText } from "../core/validate.ts";
import { setUsersWithAccess, usersWithAccessTo } from "./user-access.ts";

export type GroupRow = typeof userGroups.$inferSelect;

const target = (g: GroupRow) => ({ type: "group", guid: g.guid, name: g.name });

export function findGroup(ctx: ServiceContext, name: string): GroupRow | undefined {
  return ctx.db.select().from(userGroups).where(sql`${userGroups.name} = ${name} collate nocase`).get();
}

export function requireGroup(ctx: ServiceContext, name: string): GroupRow {
  const g = findGroup(ctx, name);
  if (!g) throw notFound(`group "${name}" not found`);
  return g;
}

export function createGroup(ctx: ServiceContext, input: { name: string; note?: string }): GroupRow {
  const name = checkEntityName("group", input.name);
  const note = checkText("note", input.note ?? "", 2000);
  return withTransaction(ctx, (tx) => {
    const existing = findGroup(tx, name);
    if (existing) throw conflict(`a group named "${existing.name}" already exists`);
    const now = tx.now();
    const row = tx.db.insert(userGroups).values({ name, note, createdAt: now, updatedAt: now }).returning().get();
    emitAudit(tx, "group.create", target(row));
    return row;
  });
}

export interface GroupView extends GroupRow {
  members: number;
}

export function listGroups(ctx: ServiceContext): GroupView[] {
  return ctx.db
    .select({ group: userGroups, members: sql<number>`(select count(*) from ${userGroupMembers} where ${userGroupMembers.groupId} = ${userGroups.id})` })
    .from(userGroups)
    .orderBy(asc(userGroups.id))
    .all()
    .map((r) => ({ ...r.group, members: r.members }));
}

export function deleteGroup(ctx: ServiceContext, name: string): void {
  withTransaction(ctx, (tx) => {
    const g = requireGroup(tx, name);
    if (g.name.toLowerCase() === "default") throw invalid('the "Default" group cannot be deleted');
    tx.db.delete(userGroups).where(eq(userGroups.id, g.id)).run();
    emitAudit(tx, "group.delete", target(g));
  });
}

/** Puts the user in the group, taking it out of any other. */
export function addUserToGroup(ctx: ServiceContext, groupName: string, userName: string): void {
  withTransaction(ctx, (tx) => {
    const g = requireGroup(tx, groupName);
    const u = findUserRow(tx, userName);
    if (!u) throw notFound(`user "${userName}" not found`);
    tx.db.insert(userGroupMembers).values({ userId: u.id, groupId: g.id }).onConflictDoUpdate({ target: userGroupMembers.userId, set: { groupId: g.id } }).run();
    emitAudit(tx, "group.add_user", target(g), { user: u.name });
  });
}

export function removeUserFromGroup(ctx: ServiceContext, groupName: string, userName: string): void {
  withTransaction(ctx, (tx) => {
    const g = requireGroup(tx, groupName);
    const u = findUserRow(tx, userName);
    if (!u) throw notFound(`user "${userName}" not found`);
    const removed = tx.db.delete(userGroupMembers).where(sql`${userGroupMembers.userId} = ${u.id} and ${userGroupMembers.groupId} = ${g.id}`).returning().get();
    if (!removed) throw notFound(`user "${u.name}" is not in group "${g.name}"`);
    emitAudit(tx, "group.remove_user", target(g), { user: u.name });
  });
}

/** The group id of a user, if any. */
export function groupIdOf(ctx: ServiceContext, userId: number): number | null {
  return ctx.db.select({ id: userGroupMembers.groupId }).from(userGroupMembers).where(eq(userGroupMembers.userId, userId)).get()?.id ?? null;
}

export function groupNameOf(ctx: ServiceContext, userId: number): string {
  return (
    ctx.db
      .select({ name: userGroups.name })
      .from(userGroupMembers)
      .innerJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
      .where(eq(userGroupMembers.userId, userId))
      .get()?.name ?? ""
  );
}


export interface GroupAccess {
  userGroups: string[];
  deviceGroups: string[];
}

export function groupAccessOf(ctx: ServiceContext, name: string): GroupAccess {
  const g = requireGroup(ctx, name);
  const rows = ctx.db
    .select({ ug: userGroups.name, dg: deviceGroups.name })
    .from(groupAccess)
    .leftJoin(userGroups, eq(userGroups.id, groupAccess.userGroupId))
    .leftJoin(deviceGroups, eq(deviceGroups.id, groupAccess.deviceGroupId))
    .where(eq(groupAccess.groupId, g.id))
    .all();
  return { userGroups: rows.flatMap((r) => (r.ug ? [r.ug] : [])), deviceGroups: rows.flatMap((r) => (r.dg ? [r.dg] : [])) };
}

export interface GroupAccessInput {
  userGroups?: string[];
  deviceGroups?: string[];
  /** Single users who may see the group's members and their devices. */
  accessibleByUsers?: string[];
  note?: string;
}

/** Replaces what the group's members may see besides their own group, and who else may see them (each list only when given). */
export function setGroupAccess(ctx: ServiceContext, name: string, input: GroupAccessInput): GroupAccess & { accessibleByUsers: string[] } {
  return withTransaction(ctx, (tx) => {
    const g = requireGroup(tx, name);
    if (input.userGroups) {
      const ids = input.userGroups.map((n) => requireGroup(tx, n).id).filter((id) => id !== g.id);
      tx.db.delete(groupAccess).where(sql`${groupAccess.groupId} = ${g.id} and ${groupAccess.userGroupId} is not null`).run();
      for (const id of new Set(ids)) tx.db.insert(groupAccess).values({ groupId: g.id, userGroupId: id }).run();
    }
    if (input.deviceGroups) {
      const ids = input.deviceGroups.map((n) => {
        const dg = tx.db.select().from(deviceGroups).where(sql`${deviceGroups.name} = ${n} collate nocase`).get();
        if (!dg) throw notFound(`device group "${n}" not found`);
        return dg.id;
      });
      tx.db.delete(groupAccess).where(sql`${groupAccess.groupId} = ${g.id} and ${groupAccess.deviceGroupId} is not null`).run();
      for (const id of new Set(ids)) tx.db.insert(groupAccess).values({ groupId: g.id, deviceGroupId: id }).run();
    }
    if (input.accessibleByUsers) setUsersWithAccess(tx, { userGroupId: g.id }, input.accessibleByUsers);
    if (input.note !== undefined) tx.db.update(userGroups).set({ note: checkText("note", input.note, 2000), updatedAt: tx.now() }).where(eq(userGroups.id, g.id)).run();
    const access = { ...groupAccessOf(tx, name), accessibleByUsers: usersWithAccessTo(tx, { userGroupId: g.id }) };
    emitAudit(tx, "group.access", target(g), {
      can_access_groups: access.userGroups,
      can_access_device_groups: access.deviceGroups,
      ...(input.accessibleByUsers ? { accessible_by_users: access.accessibleByUsers } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    return access;
  });
}
