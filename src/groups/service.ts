// User groups, as far as address-book rules need them: create, list, delete, membership.
// (A user is in at most one group; access lists between groups come with devices.)
import { asc, eq, sql } from "drizzle-orm";
import { emitAudit } from "../audit/emit.ts";
import { withTransaction, type ServiceContext } from "../context.ts";
import { userGroupMembers, userGroups } from "../db/schema.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { findUserRow } from "../users/service.ts";
import { checkText } from "../users/validate.ts";

export type GroupRow = typeof userGroups.$inferSelect;

const NAME = /^[^\s/\\][^/\\]{0,63}$/;
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
  const name = input.name.trim();
  if (!NAME.test(name)) throw invalid(`invalid group name "${name.slice(0, 80)}": 1-64 characters, no slashes`);
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

