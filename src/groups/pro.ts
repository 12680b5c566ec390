// What RustDesk Server Pro's admin API asks of user groups beyond the CLI's verbs (pro-admin-api §4, §2.2):
// the filtered list, lookups by guid, renaming, membership by user guids, and the access lists in Pro's
// shape — allowed_outgoings (what the members may access: type 0 user group, 1 device group) and
// allowed_incomings (who may access the members and their devices: type 0 user group, 2 a single user).
import { asc, eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { offsetOf, type Page } from "../core/page.ts";
import { checkEntityName, checkText } from "../core/validate.ts";
import { likeFilter } from "../core/like.ts";
import { groupAccess, userGroupMembers, userGroups } from "../db/schema.ts";
import { usersByGuids } from "../users/pro.ts";
import { createGroup, deleteGroup, findGroup, groupAccessOf, requireGroup, setGroupAccess, type GroupRow } from "./service.ts";
import { setUsersWithAccess, usersWithAccessTo } from "./user-access.ts";

export const RuleType = { userGroup: 0, deviceGroup: 1, user: 2 } as const;

export interface AccessRule {
  type: number;
  name: string;
}

export interface ProGroup {
  group: GroupRow;
  incomings: AccessRule[];
  outgoings: AccessRule[];
  userCount: number;
}

const target = (g: GroupRow) => ({ type: "group", guid: g.guid, name: g.name });

export function groupByGuid(ctx: ServiceContext, guid: string): GroupRow {
  const g = ctx.db.select().from(userGroups).where(eq(userGroups.guid, guid)).get();
  if (!g) throw notFound(`user group ${guid.slice(0, 64)} not found`);
  return g;
}

/** The user groups whose members may access `g` (Pro's allowed_incomings of type 0). */
function incomingGroups(ctx: ServiceContext, g: GroupRow): string[] {
  return ctx.db
    .select({ name: userGroups.name })
    .from(groupAccess)
    .innerJoin(userGroups, eq(userGroups.id, groupAccess.groupId))
    .where(eq(groupAccess.userGroupId, g.id))
    .orderBy(asc(userGroups.id))
    .all()
    .map((r) => r.name);
}

function proGroup(ctx: ServiceContext, g: GroupRow): ProGroup {
  const out = groupAccessOf(ctx, g.name);
  const userCount = ctx.db.select({ n: sql<number>`count(*)` }).from(userGroupMembers).where(eq(userGroupMembers.groupId, g.id)).get()!.n;
  return {
    group: g,
    incomings: [
      ...incomingGroups(ctx, g).map((name) => ({ type: RuleType.userGroup, name })),
      ...usersWithAccessTo(ctx, { userGroupId: g.id }).map((name) => ({ type: RuleType.user, name })),
    ],
    outgoings: [...out.userGroups.map((name) => ({ type: RuleType.userGroup, name })), ...out.deviceGroups.map((name) => ({ type: RuleType.deviceGroup, name }))],
    userCount,
  };
}

/** Groups whose name matches (LIKE semantics, core/like.ts), in creation order, with the true total. */
export function listGroupsFiltered(ctx: ServiceContext, f: { name?: string }, page: Page): { total: number; rows: ProGroup[] } {
  const where = likeFilter(userGroups.name, f.name);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(userGroups).where(where).get()!.n;
  const rows = ctx.db.select().from(userGroups).where(where).orderBy(asc(userGroups.id)).limit(page.pageSize).offset(offsetOf(page)).all();
  return { total, rows: rows.map((g) => proGroup(ctx, g)) };
}

function split(rules: readonly AccessRule[], allowed: readonly number[], field: string) {
  const byType = new Map<number, string[]>();
  for (const r of rules) {
    if (!allowed.includes(r.type)) throw invalid(`${field}: type ${r.type} is not allowed here (allowed: ${allowed.join(", ")})`);
    byType.set(r.type, [...(byType.get(r.type) ?? []), r.name]);
  }
  return byType;
}

export interface GroupRulesInput {
  incomings?: readonly AccessRule[];
  outgoings?: readonly AccessRule[];
}

/** Replaces each given list wholesale (an empty list clears it). Call inside a transaction. */
function setRules(ctx: ServiceContext, g: GroupRow, input: GroupRulesInput): void {
  if (input.outgoings) {
    const byType = split(input.outgoings, [RuleType.userGroup, RuleType.deviceGroup], "allowed_outgoings");
    setGroupAccess(ctx, g.name, { userGroups: byType.get(RuleType.userGroup) ?? [], deviceGroups: byType.get(RuleType.deviceGroup) ?? [] });
  }
  if (input.incomings) {
    const byType = split(input.incomings, [RuleType.userGroup, RuleType.user], "allowed_incomings");
    const from = new Set((byType.get(RuleType.userGroup) ?? []).map((n) => requireGroup(ctx, n).id));
    from.delete(g.id); // a group always sees itself
    ctx.db.delete(groupAccess).where(eq(groupAccess.userGroupId, g.id)).run();
    for (const id of from) ctx.db.insert(groupAccess).values({ groupId: id, userGroupId: g.id }).run();
    const byUsers = setUsersWithAccess(ctx, { userGroupId: g.id }, byType.get(RuleType.user) ?? []);
    emitAudit(ctx, "group.access", target(g), { accessible_by: incomingGroups(ctx, g), accessible_by_users: byUsers });
  }
}

export function createGroupWithRules(ctx: ServiceContext, input: { name: string; note?: string } & GroupRulesInput): ProGroup {
  return withTransaction(ctx, (tx) => {
    const g = createGroup(tx, { name: input.name, note: input.note });
    setRules(tx, g, input);
    return proGroup(tx, requireGroup(tx, g.name));
  });
}

/** Pro's PATCH: only the fields given change; a list given replaces the old one. */
export function updateGroup(ctx: ServiceContext, guid: string, input: { name?: string; note?: string } & GroupRulesInput): ProGroup {
  return withTransaction(ctx, (tx) => {
    let g = groupByGuid(tx, guid);
    if (input.name !== undefined && input.name !== g.name) {
      const name = checkEntityName("group", input.name);
      const same = findGroup(tx, name);
      if (same && same.id !== g.id) throw conflict(`a group named "${same.name}" already exists`);
      if (g.name.toLowerCase() === "default") throw invalid('the "Default" group cannot be renamed');
      g = tx.db.update(userGroups).set({ name, updatedAt: tx.now() }).where(eq(userGroups.id, g.id)).returning().get()!;
      emitAudit(tx, "group.rename", target(g), { new_name: name });
    }
    if (input.note !== undefined && input.note !== g.note) {
      g = tx.db.update(userGroups).set({ note: checkText("note", input.note, 2000), updatedAt: tx.now() }).where(eq(userGroups.id, g.id)).returning().get()!;
      emitAudit(tx, "group.access", target(g), { note: input.note });
    }
    setRules(tx, g, input);
    return proGroup(tx, g);
  });
}

/** Pro's delete: the Default group stays, and a group with members is refused (a user has exactly one group). */
export function deleteGroupByGuid(ctx: ServiceContext, guid: string): void {
  withTransaction(ctx, (tx) => {
    const g = groupByGuid(tx, guid);
    const members = tx.db.select({ n: sql<number>`count(*)` }).from(userGroupMembers).where(eq(userGroupMembers.groupId, g.id)).get()!.n;
    if (members && g.name.toLowerCase() !== "default") throw conflict(`group "${g.name}" still has ${members} user(s); move them to another group first`);
    deleteGroup(tx, g.name);
  });
}

/** Moves each user into the group (out of any other); one unknown guid refuses them all. */
export function addUsersToGroup(ctx: ServiceContext, guid: string, userGuids: readonly string[]): number {
  return withTransaction(ctx, (tx) => {
    const g = groupByGuid(tx, guid);
    const list = usersByGuids(tx, userGuids);
    for (const u of list) {
      tx.db.insert(userGroupMembers).values({ userId: u.id, groupId: g.id }).onConflictDoUpdate({ target: userGroupMembers.userId, set: { groupId: g.id } }).run();
      emitAudit(tx, "group.add_user", target(g), { user: u.name });
    }
    return list.length;
  });
}

