// Invitations (Pro's users/invite, pro-admin-api §3.3): the user is created unverified (status -1) with no
// password, and gets a one-time link, valid INVITE_DAYS, to a page that sets the password and activates
// the account (status -1 → 1). Only the SHA-256 of the link's secret is stored; a used link is dead.
import { and, eq, isNull, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { checkEmail, checkName, checkText } from "../core/validate.ts";
import { newSecret, sha256 } from "../crypto/tokens.ts";
import { userInvites, users, UserStatus } from "../db/schema.ts";
import type { UserRow } from "./model.ts";
import { checkPassword, hashPassword } from "./password.ts";
import { insertUser } from "./service.ts";

export const INVITE_DAYS = 7;
const DAY = 86_400_000;

const target = (u: UserRow) => ({ type: "user", guid: u.guid, name: u.name });
const dead = () => new ServiceError("NOT_FOUND", "this invitation link is not valid any more (used, expired or withdrawn); ask your administrator for a new one");

/** Creates the unverified user and its link secret. Call it in the caller's transaction (with its group). */
export function inviteUser(ctx: ServiceContext, input: { name: string; email: string; note?: string }): { user: UserRow; secret: string; expiresAt: number } {
  const name = checkName(input.name);
  const email = checkEmail(input.email);
  if (!email) throw new ServiceError("INVALID_INPUT", "an invitation needs an e-mail address");
  const note = checkText("note", input.note ?? "", 2000);
  return withTransaction(ctx, (tx) => {
    const row = insertUser(tx, { name, email, displayName: "", note, passwordHash: null, isAdmin: false }, { invited: true });
    const user = tx.db.update(users).set({ status: UserStatus.unverified }).where(eq(users.id, row.id)).returning().get()!;
    const secret = newSecret();
    const expiresAt = tx.now() + INVITE_DAYS * DAY;
    tx.db.insert(userInvites).values({ userId: user.id, tokenHash: sha256(secret), createdAt: tx.now(), expiresAt }).run();
    emitAudit(tx, "user.invite", target(user), { email, expires_at: new Date(expiresAt).toISOString() });
    return { user, secret, expiresAt };
  });
}

/** Takes back an invitation whose e-mail could not be sent: the user is removed while still unverified. */
export function withdrawInvite(ctx: ServiceContext, userId: number): void {
  withTransaction(ctx, (tx) => {
    tx.db.delete(users).where(and(eq(users.id, userId), eq(users.status, UserStatus.unverified))).run();
  });
}

/** The user a live link invites (for the page), else NOT_FOUND. */
export function invitedUser(ctx: ServiceContext, secret: string): UserRow {
  if (!secret || secret.length > 100) throw dead();
  const row = ctx.db
    .select({ user: users })
    .from(userInvites)
    .innerJoin(users, eq(users.id, userInvites.userId))
    .where(and(eq(userInvites.tokenHash, sha256(secret)), isNull(userInvites.usedAt), sql`${userInvites.expiresAt} > ${ctx.now()}`))
    .get();
  if (!row || row.user.status !== UserStatus.unverified) throw dead();
  return row.user;
}

/** Sets the password, activates the user and burns the link (and any other of theirs). */
export async function acceptInvite(ctx: ServiceContext, secret: string, password: string): Promise<UserRow> {
  invitedUser(ctx, secret);
  const hash = await hashPassword(checkPassword(password, ctx.config.auth.password_min_length));
  return withTransaction(ctx, (tx) => {
    // Checked again inside the transaction: two submits of one link activate once.
    const user = invitedUser(tx, secret);
    tx.db.update(userInvites).set({ usedAt: tx.now() }).where(and(eq(userInvites.userId, user.id), isNull(userInvites.usedAt))).run();
    const updated = tx.db.update(users).set({ passwordHash: hash, status: UserStatus.normal, updatedAt: tx.now() }).where(eq(users.id, user.id)).returning().get()!;
    emitAudit(tx, "user.activate", target(user), { via: "invitation" });
    return updated;
  });
}
