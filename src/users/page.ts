// One page of the user list for the admin API and the web console: searched, counted and cut in SQL, each user
// with its group (a user is in at most one), so a page costs one count and one LIMIT query.
import { and, asc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { containsAny } from "../core/like.ts";
import { userGroupMembers, userGroups, users } from "../db/schema.ts";
import { toUser, type User } from "./model.ts";

export interface UserPageFilter {
  /** Name, display name, e-mail or note contains (case-insensitive). */
  search?: string;
  /** Only members of this user group (any case). */
  group?: string;
}

export function pageUsers(ctx: ServiceContext, f: UserPageFilter, page: { offset: number; limit: number }): { total: number; rows: { user: User; group: string | null }[] } {
  const where = and(
    f.search ? containsAny([users.name, users.displayName, users.email, users.note], f.search) : undefined,
    f.group ? sql`${userGroups.name} = ${f.group} collate nocase` : undefined,
  );
  const base = () => ctx.db.select().from(users).leftJoin(userGroupMembers, eq(userGroupMembers.userId, users.id)).leftJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId));
  const total = ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .leftJoin(userGroupMembers, eq(userGroupMembers.userId, users.id))
    .leftJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .where(where)
    .get()!.n;
  const rows = base().where(where).orderBy(asc(users.id)).limit(page.limit).offset(page.offset).all();
  return { total, rows: rows.map((r) => ({ user: toUser(r.users), group: r.user_groups?.name ?? null })) };
}

/** The user group `name` is in, or null (for the one-user view; the page carries it per row). */
export function groupOfUser(ctx: ServiceContext, name: string): string | null {
  const r = ctx.db
    .select({ group: userGroups.name })
    .from(users)
    .innerJoin(userGroupMembers, eq(userGroupMembers.userId, users.id))
    .innerJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .where(sql`${users.name} = ${name} collate nocase`)
    .get();
  return r?.group ?? null;
}
