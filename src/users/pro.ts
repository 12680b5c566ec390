// What RustDesk Server Pro's admin API asks of users beyond the CLI's verbs (pro-admin-api §3): the
// filtered list with each user's group, lookups by guid, and the "2FA enforcement" flag.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { notFound } from "../core/errors.ts";
import { offsetOf, type Page } from "../core/page.ts";
import { likeFilter } from "../core/like.ts";
import { checkText } from "../core/validate.ts";
import { strategies, userGroupMembers, userGroups, users, userTotp } from "../db/schema.ts";
import type { UserRow } from "./model.ts";

export interface UserFilters {
  /** LIKE semantics (core/like.ts): "%" pattern, else exact; case-insensitive. */
  name?: string;
  /** The user's group; "-" = no group. */
  groupName?: string;
  email?: string;
  status?: number;
}

export interface ListedUser {
  user: UserRow;
  groupGuid: string | null;
  groupName: string | null;
  strategyName: string | null;
  totp: boolean;
}

/** Every user matching the filters, in creation order (stable pages), with the true total. */
export function listUsersFiltered(ctx: ServiceContext, f: UserFilters, page: Page): { total: number; rows: ListedUser[] } {
  const where = and(
    likeFilter(users.name, f.name),
    likeFilter(userGroups.name, f.groupName),
    likeFilter(users.email, f.email),
    f.status === undefined ? undefined : sql`${users.status} = ${f.status}`,
  );
  const total = ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .leftJoin(userGroupMembers, eq(userGroupMembers.userId, users.id))
    .leftJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .where(where)
    .get()!.n;
  const rows = ctx.db
    .select()
    .from(users)
    .leftJoin(userGroupMembers, eq(userGroupMembers.userId, users.id))
    .leftJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .leftJoin(strategies, eq(strategies.id, users.strategyId)).where(where).orderBy(asc(users.id)).limit(page.pageSize).offset(offsetOf(page)).all();
  const ids = rows.map((r) => r.users.id);
  const withTotp = new Set(
    ids.length
      ? ctx.db
          .select({ id: userTotp.userId })
          .from(userTotp)
          .where(and(inArray(userTotp.userId, ids), sql`${userTotp.confirmedAt} is not null`))
          .all()
          .map((r) => r.id)
      : [],
  );
  return {
    total,
    rows: rows.map((r) => ({
      user: r.users,
      groupGuid: r.user_groups?.guid ?? null,
      groupName: r.user_groups?.name ?? null,
      strategyName: r.strategies?.name ?? null,
      totp: withTotp.has(r.users.id),
    })),
  };
}

export function userByGuid(ctx: ServiceContext, guid: string): UserRow {
  const row = ctx.db.select().from(users).where(eq(users.guid, guid)).get();
  if (!row) throw notFound(`user ${guid.slice(0, 64)} not found`);
  return row;
}

/** Every user of `guids`, in that order; one unknown guid refuses them all. */
export function usersByGuids(ctx: ServiceContext, guids: readonly string[]): UserRow[] {
  return [...new Set(guids)].map((g) => userByGuid(ctx, g));
}

/**
 * Marks (or unmarks) the users as required to set up TOTP before they may log in; `url` (where to set it
 * up) is kept for the login refusal's message. Returns how many changed.
 */
export function setTotpEnforced(ctx: ServiceContext, guids: readonly string[], enforce: boolean, url: string): number {
  const keptUrl = enforce ? checkText("url", url.trim(), 2048) : "";
  return withTransaction(ctx, (tx) => {
    let changed = 0;
    for (const u of usersByGuids(tx, guids)) {
      if (u.totpEnforced === enforce && u.totpEnforceUrl === keptUrl) continue;
      tx.db.update(users).set({ totpEnforced: enforce, totpEnforceUrl: keptUrl, updatedAt: tx.now() }).where(eq(users.id, u.id)).run();
      emitAudit(tx, "user.2fa_enforce", { type: "user", guid: u.guid, name: u.name }, { enforce, ...(url ? { url } : {}) });
      changed++;
    }
    return changed;
  });
}
