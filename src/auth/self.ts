// What a signed-in user changes about their own account from the console: the password (the current one
// first; every other session of theirs ends) and their authenticator (enrol, confirm, turn off with a
// current code). Wrong passwords and codes count like failed logins.
import { and, eq, ne } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, ServiceError } from "../core/errors.ts";
import { loginChallenges, sessions, users } from "../db/schema.ts";
import type { UserRow } from "../users/model.ts";
import { checkPassword, hashPassword, verifyPassword } from "../users/password.ts";
import { guardLockout, recordFailure } from "./guard.ts";
import type { AuthRuntime } from "./runtime.ts";
import { beginTotp, checkSecondFactor, confirmTotp, disableTotp, totpStatus } from "./totp.ts";

const target = (u: UserRow) => ({ type: "user", guid: u.guid, name: u.name });

/** Changes the user's password; every other session (client logins too) ends, `keepSessionId` stays. */
export async function changeOwnPassword(ctx: ServiceContext, rt: AuthRuntime, row: UserRow, input: { current: string; next: string; keepSessionId: number }): Promise<number> {
  guardLockout(ctx, rt, row.name);
  const ok = row.passwordHash !== null && (await verifyPassword(input.current, row.passwordHash));
  if (!ok) {
    withTransaction(ctx, (tx) => recordFailure(tx, rt, row.name, "auth.login_failed", "wrong current password"));
    throw new ServiceError("FORBIDDEN", "the current password is wrong");
  }
  const hash = await hashPassword(checkPassword(input.next, ctx.config.auth.password_min_length));
  return withTransaction(ctx, (tx) => {
    tx.db.update(users).set({ passwordHash: hash, updatedAt: tx.now() }).where(eq(users.id, row.id)).run();
    tx.db.delete(loginChallenges).where(eq(loginChallenges.userId, row.id)).run();
    const revoked = tx.db.delete(sessions).where(and(eq(sessions.userId, row.id), ne(sessions.id, input.keepSessionId))).returning({ id: sessions.id }).all().length;
    emitAudit(tx, "user.password", target(row), { sessions_revoked: revoked, self: true });
    return revoked;
  });
}

export const beginOwnTotp = (ctx: ServiceContext, row: UserRow) => beginTotp(ctx, row.name);

/** The first code from the new authenticator turns it on; the recovery codes are returned once. */
export const confirmOwnTotp = (ctx: ServiceContext, row: UserRow, code: string) => confirmTotp(ctx, row.name, code.trim());

/** Turns the user's TOTP off, with a current code (or a recovery code); refused while an administrator enforces it. */
export function disableOwnTotp(ctx: ServiceContext, rt: AuthRuntime, row: UserRow, code: string): void {
  if (totpStatus(ctx, row.id) !== "on") throw conflict("two-factor authentication is not on for your account");
  if (row.totpEnforced) throw conflict("your administrator requires two-factor authentication; it cannot be turned off");
  guardLockout(ctx, rt, row.name);
  const ok = withTransaction(ctx, (tx) => {
    if (checkSecondFactor(tx, row.id, code)) return true;
    recordFailure(tx, rt, row.name, "auth.code_failed", "wrong code to turn TOTP off");
    return false;
  });
  if (!ok) throw new ServiceError("FORBIDDEN", "Wrong verification code");
  disableTotp(ctx, row.name);
}
