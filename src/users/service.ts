// User accounts: the verbs shared by the CLI and (later) the HTTP admin API.
import { eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { addressBooks, userGroupMembers, userGroups, users, UserStatus } from "../db/schema.ts";
import { refuseEmailVerification, refuseLastAdmin } from "./admins.ts";
import { toUser, type User, type UserRow } from "./model.ts";
import { revokeUserSessions } from "./revoke.ts";
import { checkEmail, checkName, checkText } from "../core/validate.ts";
import { checkPassword, hashPassword } from "./password.ts";

export interface UpdateUserInput {
  email?: string;
  displayName?: string;
  note?: string;
  isAdmin?: boolean;
  emailVerification?: boolean;
}


const target = (u: { guid: string; name: string }) => ({ type: "user", guid: u.guid, name: u.name });

export function findUserRow(ctx: ServiceContext, name: string): UserRow | undefined {
  return ctx.db.select().from(users).where(sql`${users.name} = ${name} collate nocase`).get();
}

function requireUserRow(ctx: ServiceContext, name: string): UserRow {
  const row = findUserRow(ctx, name);
  if (!row) throw notFound(`user "${name}" not found`);
  return row;
}

export interface CreateUserInput {
  name: string;
  /** null: the account cannot log in with a password (e.g. SSO only). */
  password: string | null;
  email?: string;
  displayName?: string;
  note?: string;
  isAdmin?: boolean;
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<User> {
  const name = checkName(input.name);
  const email = checkEmail(input.email ?? "");
  const displayName = checkText("display name", input.displayName ?? "", 128);
  const note = checkText("note", input.note ?? "", 2000);
  const passwordHash =
    input.password === null ? null : await hashPassword(checkPassword(input.password, ctx.config.auth.password_min_length));
  return withTransaction(ctx, (tx) => toUser(insertUser(tx, { name, email, displayName, note, passwordHash, isAdmin: input.isAdmin ?? false })));
}

/** Inserts a checked user (in the caller's transaction), in the Default group, audited. */
export function insertUser(ctx: ServiceContext, u: { name: string; email: string; displayName: string; note: string; passwordHash: string | null; isAdmin: boolean }, details: Record<string, unknown> = {}): UserRow {
  const existing = findUserRow(ctx, u.name);
  if (existing) throw conflict(`a user named "${existing.name}" already exists`);
  if (u.email && ctx.db.select({ id: users.id }).from(users).where(sql`${users.email} = ${u.email} collate nocase`).get())
    throw conflict(`another user already has the e-mail address ${u.email}`);
  const now = ctx.now();
  const row = ctx.db.insert(users).values({ ...u, createdAt: now, updatedAt: now }).returning().get();
  // Pro's model: a user without a group is in "Default".
  const fallback = ctx.db.select({ id: userGroups.id }).from(userGroups).where(sql`${userGroups.name} = 'Default' collate nocase`).get();
  if (fallback) ctx.db.insert(userGroupMembers).values({ userId: row.id, groupId: fallback.id }).run();
  emitAudit(ctx, "user.create", target(row), { is_admin: row.isAdmin, email: row.email || undefined, ...details });
  return row;
}

export function listUsers(ctx: ServiceContext): User[] {
  return ctx.db.select().from(users).orderBy(users.id).all().map(toUser);
}

export function getUser(ctx: ServiceContext, name: string): User {
  return toUser(requireUserRow(ctx, name));
}

export function hasActiveAdmin(ctx: ServiceContext): boolean {
  const row = ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(sql`${users.isAdmin} = 1 and ${users.status} = ${UserStatus.normal}`)
    .get();
  return (row?.n ?? 0) > 0;
}

export async function setPassword(ctx: ServiceContext, name: string, password: string): Promise<void> {
  const hash = await hashPassword(checkPassword(password, ctx.config.auth.password_min_length));
  withTransaction(ctx, (tx) => {
    const row = requireUserRow(tx, name);
    tx.db.update(users).set({ passwordHash: hash, updatedAt: tx.now() }).where(eq(users.id, row.id)).run();
    const revoked = revokeUserSessions(tx, row.id);
    emitAudit(tx, "user.password", target(row), { sessions_revoked: revoked });
  });
}

function setStatus(ctx: ServiceContext, name: string, status: UserStatus, action: "user.disable" | "user.enable"): User {
  return withTransaction(ctx, (tx) => {
    const row = requireUserRow(tx, name);
    if (row.status === status) return toUser(row);
    if (status !== UserStatus.normal) refuseLastAdmin(tx, row, "disabled");
    const updated = tx.db.update(users).set({ status, updatedAt: tx.now() }).where(eq(users.id, row.id)).returning().get();
    const revoked = status === UserStatus.normal ? 0 : revokeUserSessions(tx, row.id);
    emitAudit(tx, action, target(row), revoked ? { sessions_revoked: revoked } : {});
    return toUser(updated!);
  });
}

export const disableUser = (ctx: ServiceContext, name: string) => setStatus(ctx, name, UserStatus.disabled, "user.disable");
export const enableUser = (ctx: ServiceContext, name: string) => setStatus(ctx, name, UserStatus.normal, "user.enable");

export function deleteUser(ctx: ServiceContext, name: string): void {
  withTransaction(ctx, (tx) => {
    const row = requireUserRow(tx, name);
    refuseLastAdmin(tx, row, "deleted");
    // Shared books are other people's data too: deleting their owner would take them along.
    const owned = tx.db.select({ name: addressBooks.name }).from(addressBooks).where(sql`${addressBooks.ownerId} = ${row.id} and ${addressBooks.personal} = 0`).all();
    if (owned.length)
      throw conflict(`${row.name} owns shared address books (${owned.map((b) => b.name).join(", ")}); give them another owner first: rdconsole ab set <book> --owner <user>`);
    tx.db.delete(users).where(eq(users.id, row.id)).run();
    emitAudit(tx, "user.delete", target(row));
  });
}

/** Changes profile fields; only the fields given change. */
export function updateUser(ctx: ServiceContext, name: string, input: UpdateUserInput): User {
  const patch: Partial<UserRow> = {};
  if (input.email !== undefined) patch.email = checkEmail(input.email);
  if (input.displayName !== undefined) patch.displayName = checkText("display name", input.displayName, 128);
  if (input.note !== undefined) patch.note = checkText("note", input.note, 2000);
  if (input.isAdmin !== undefined) patch.isAdmin = input.isAdmin;
  if (input.emailVerification !== undefined) patch.emailVerification = input.emailVerification;
  return withTransaction(ctx, (tx) => {
    const row = requireUserRow(tx, name);
    if (patch.email && tx.db.select({ id: users.id }).from(users).where(sql`${users.email} = ${patch.email} collate nocase and ${users.id} <> ${row.id}`).get())
      throw conflict(`another user already has the e-mail address ${patch.email}`);
    const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => row[k as keyof UserRow] !== v));
    if (!Object.keys(changed).length) return toUser(row);
    if (changed.isAdmin === false) refuseLastAdmin(tx, row, "made a non-administrator");
    if (changed.emailVerification) refuseEmailVerification(tx, { ...row, email: patch.email ?? row.email });
    else if (changed.email === "" && (patch.emailVerification ?? row.emailVerification)) throw invalid(`${row.name} has e-mail verification on, which needs the address; turn it off first (--email-verification off)`);
    const updated = tx.db.update(users).set({ ...changed, updatedAt: tx.now() }).where(eq(users.id, row.id)).returning().get();
    emitAudit(tx, "user.update", target(row), { changed: Object.keys(changed) });
    return toUser(updated!);
  });
}

/** Revokes every client login of the user; returns how many. */
export function logoutAll(ctx: ServiceContext, name: string): number {
  return withTransaction(ctx, (tx) => {
    const row = requireUserRow(tx, name);
    const revoked = revokeUserSessions(tx, row.id);
    emitAudit(tx, "user.logout_all", target(row), { sessions_revoked: revoked });
    return revoked;
  });
}
