// Access granted to single users (Pro's access rules of type 2, pro-admin-api §2.2): a user may see the
// members of a user group (and their devices), or the devices of a device group, whatever their own group
// may. Rows go with the user or the group (foreign keys cascade); names are resolved when read.
import { asc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { notFound } from "../core/errors.ts";
import { userAccess, users } from "../db/schema.ts";
import { findUserRow } from "../users/service.ts";

export type AccessTarget = { userGroupId: number } | { deviceGroupId: number };

const column = (to: AccessTarget) => ("userGroupId" in to ? eq(userAccess.userGroupId, to.userGroupId) : eq(userAccess.deviceGroupId, to.deviceGroupId));

/** The users granted access to a user group or a device group, in the order they were given. */
export function usersWithAccessTo(ctx: ServiceContext, to: AccessTarget): string[] {
  return ctx.db
    .select({ name: users.name })
    .from(userAccess)
    .innerJoin(users, eq(users.id, userAccess.userId))
    .where(column(to))
    .orderBy(asc(sql`${userAccess}.rowid`))
    .all()
    .map((r) => r.name);
}

/**
 * Replaces the users granted access to `to` with `names` (each one known, or nothing changes: names are
 * all resolved before the first write). Call inside a transaction; returns the list as stored.
 */
export function setUsersWithAccess(ctx: ServiceContext, to: AccessTarget, names: readonly string[]): string[] {
  const ids = names.map((n) => {
    const u = findUserRow(ctx, n);
    if (!u) throw notFound(`user "${n}" not found`);
    return u.id;
  });
  ctx.db.delete(userAccess).where(column(to)).run();
  for (const userId of new Set(ids)) ctx.db.insert(userAccess).values({ userId, ...to }).run();
  return usersWithAccessTo(ctx, to);
}

/** The user groups and device groups a user was granted access to by name (for the visibility rule). */
export function accessGrantedTo(ctx: ServiceContext, userId: number): { userGroupIds: number[]; deviceGroupIds: number[] } {
  const rows = ctx.db.select().from(userAccess).where(eq(userAccess.userId, userId)).all();
  return {
    userGroupIds: rows.flatMap((r) => (r.userGroupId === null ? [] : [r.userGroupId])),
    deviceGroupIds: rows.flatMap((r) => (r.deviceGroupId === null ? [] : [r.deviceGroupId])),
  };
}
