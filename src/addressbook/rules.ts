// Sharing rules of a shared book: a user, a user group or everyone gets read (1), read/write (2)
// or full control (3). Admins manage them from the CLI and the admin API.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { abRules, addressBooks, userGroups, users } from "../db/schema.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { paginate, type Page } from "../core/page.ts";
import { requireGroup } from "../groups/service.ts";
import { findUserRow } from "../users/service.ts";
import { effectiveRule, FULL, noPermission, type BookRow } from "./access.ts";

const checkRule = (rule: number): 1 | 2 | 3 => {
  if (rule !== 1 && rule !== 2 && rule !== 3) throw invalid("a rule is 1 (read), 2 (read/write) or 3 (full control)");
  return rule;
};

export type Subject = { user: string } | { group: string } | { everyone: true };

/** The permission names of the CLI and the admin API. */
export const PERMISSIONS = { read: 1, rw: 2, full: 3 } as const;
export const PERMISSION_NAME = { 1: "read", 2: "rw", 3: "full" } as const;
export type PermissionName = keyof typeof PERMISSIONS;

export function permissionOf(name: string): 1 | 2 | 3 {
  const v = Object.hasOwn(PERMISSIONS, name) ? PERMISSIONS[name as PermissionName] : undefined;
  if (!v) throw invalid(`the permission is read, rw or full, not "${name.slice(0, 40)}"`);
  return v;
}

export interface RuleView {
  guid: string;
  user: string | null;
  group: string | null;
  rule: 1 | 2 | 3;
}

type Resolved = { userId: number | null; groupId: number | null; user: string | null; group: string | null; label: string };

function resolve(ctx: ServiceContext, subject: Subject): Resolved {
  if ("user" in subject) {
    const u = findUserRow(ctx, subject.user);
    if (!u) throw notFound(`user "${subject.user}" not found`);
    return { userId: u.id, groupId: null, user: u.name, group: null, label: `user ${u.name}` };
  }
  if ("group" in subject) {
    const g = requireGroup(ctx, subject.group);
    return { userId: null, groupId: g.id, user: null, group: g.name, label: `group ${g.name}` };
  }
  return { userId: null, groupId: null, user: null, group: null, label: "everyone" };
}

const viewOf = (s: Resolved, row: typeof abRules.$inferSelect): RuleView => ({ guid: row.guid, user: s.user, group: s.group, rule: row.rule });

const where = (book: BookRow, s: { userId: number | null; groupId: number | null }) =>
  and(eq(abRules.abId, book.id), s.userId === null ? isNull(abRules.userId) : eq(abRules.userId, s.userId), s.groupId === null ? isNull(abRules.groupId) : eq(abRules.groupId, s.groupId));

const target = (b: BookRow) => ({ type: "address_book", guid: b.guid, name: b.name });

/** Creates or changes the rule for the subject; returns it. */
export function setRule(ctx: ServiceContext, book: BookRow, subject: Subject, rule: 1 | 2 | 3): RuleView {
  if (book.personal) throw invalid("a personal address book cannot be shared; create a shared one");
  if (![1, 2, 3].includes(rule)) throw invalid("a rule is 1 (read), 2 (read/write) or 3 (full control)");
  return withTransaction(ctx, (tx) => {
    if (effectiveRule(tx, book) < FULL) throw noPermission();
    const s = resolve(tx, subject);
    const existing = tx.db.select().from(abRules).where(where(book, s)).get();
    const row = existing
      ? tx.db.update(abRules).set({ rule }).where(eq(abRules.id, existing.id)).returning().get()!
      : tx.db.insert(abRules).values({ abId: book.id, userId: s.userId, groupId: s.groupId, rule, createdAt: tx.now() }).returning().get();
    emitAudit(tx, "ab_rule.set", target(book), { subject: s.label, rule });
    return viewOf(s, row);
  });
}

/** Takes the subject's rule away; returns what it was. */
export function removeRule(ctx: ServiceContext, book: BookRow, subject: Subject): RuleView {
  return withTransaction(ctx, (tx) => {
    if (effectiveRule(tx, book) < FULL) throw noPermission();
    const s = resolve(tx, subject);
    const gone = tx.db.delete(abRules).where(where(book, s)).returning().get();
    if (!gone) throw notFound(`no rule for ${s.label} on "${book.name || "a personal book"}"`);
    emitAudit(tx, "ab_rule.remove", target(book), { subject: s.label });
    return viewOf(s, gone);
  });
}

export function listRules(ctx: ServiceContext, book: BookRow): RuleView[] {
  return ctx.db
    .select({ guid: abRules.guid, user: users.name, group: userGroups.name, rule: abRules.rule })
    .from(abRules)
    .leftJoin(users, eq(users.id, abRules.userId))
    .leftJoin(userGroups, eq(userGroups.id, abRules.groupId))
    .where(eq(abRules.abId, book.id))
    .orderBy(asc(abRules.id))
    .all();
}

export function rulesPage(ctx: ServiceContext, book: BookRow, page: Page) {
  return paginate(listRules(ctx, book), page);
}

/** Adds a rule for a subject that has none on the book yet (Pro's POST /api/ab/rule: a second one is refused). */
export function addRule(ctx: ServiceContext, book: BookRow, subject: Subject, rule: number): void {
  if (book.personal) throw invalid("a personal address book cannot be shared; create a shared one");
  const r = checkRule(rule);
  withTransaction(ctx, (tx) => {
    if (effectiveRule(tx, book) < FULL) throw noPermission();
    const s = resolve(tx, subject);
    if (tx.db.select().from(abRules).where(where(book, s)).get()) throw conflict(`${s.label} already has a rule on "${book.name}"; change it instead`);
    tx.db.insert(abRules).values({ abId: book.id, userId: s.userId, groupId: s.groupId, rule: r, createdAt: tx.now() }).run();
    emitAudit(tx, "ab_rule.set", target(book), { subject: s.label, rule: r });
  });
}

const ruleNotFound = (guid: string) => notFound(`rule ${guid.slice(0, 64)} not found`);

/** The rule with this guid and its book, if the actor has full control of the book. */
function ruleByGuid(ctx: ServiceContext, guid: string) {
  const found = ctx.db.select({ rule: abRules, book: addressBooks }).from(abRules).innerJoin(addressBooks, eq(addressBooks.id, abRules.abId)).where(eq(abRules.guid, guid)).get();
  if (!found) throw ruleNotFound(guid);
  if (effectiveRule(ctx, found.book) < FULL) throw noPermission();
  return found;
}

const labelOf = (ctx: ServiceContext, r: typeof abRules.$inferSelect) =>
  r.userId !== null
    ? `user ${ctx.db.select({ n: users.name }).from(users).where(eq(users.id, r.userId)).get()?.n ?? "?"}`
    : r.groupId !== null
      ? `group ${ctx.db.select({ n: userGroups.name }).from(userGroups).where(eq(userGroups.id, r.groupId)).get()?.n ?? "?"}`
      : "everyone";

/** Changes a rule's permission by the rule's guid. */
export function setRuleByGuid(ctx: ServiceContext, guid: string, rule: number): void {
  const r = checkRule(rule);
  withTransaction(ctx, (tx) => {
    const found = ruleByGuid(tx, guid);
    tx.db.update(abRules).set({ rule: r }).where(eq(abRules.id, found.rule.id)).run();
    emitAudit(tx, "ab_rule.set", target(found.book), { subject: labelOf(tx, found.rule), rule: r });
  });
}

/** Removes rules by guid, all or nothing. */
export function removeRulesByGuid(ctx: ServiceContext, guids: readonly string[]): void {
  withTransaction(ctx, (tx) => {
    const found = [...new Set(guids)].map((g) => ruleByGuid(tx, g));
    if (!found.length) return;
    tx.db.delete(abRules).where(inArray(abRules.id, found.map((f) => f.rule.id))).run();
    for (const f of found) emitAudit(tx, "ab_rule.remove", target(f.book), { subject: labelOf(tx, f.rule) });
  });
}
