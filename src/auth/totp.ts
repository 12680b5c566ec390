// TOTP second factor: enrolment (from the CLI), confirmation, recovery codes, and the check
// at login with a replay guard (a time step is accepted once).
import { and, eq, isNull } from "drizzle-orm";
import { generateSecret, generateURI, verifySync } from "otplib";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { secretBox } from "../crypto/secret-box.ts";
import { sha256 } from "../crypto/tokens.ts";
import { recoveryCodes, users, userTotp } from "../db/schema.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { UserRow } from "../users/model.ts";
import { findUserRow } from "../users/service.ts";
import { revokeUserSessions } from "../users/revoke.ts";

const RECOVERY_CODES = 10;
const SIX_DIGITS = /^\d{6}$/;

function requireUser(ctx: ServiceContext, name: string): UserRow {
  const row = findUserRow(ctx, name);
  if (!row) throw notFound(`user "${name}" not found`);
  return row;
}

const target = (u: UserRow) => ({ type: "user", guid: u.guid, name: u.name });

/** Recovery codes look like "k7q2m-9xw4p"; compared without case or dashes. */
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join(""); // 31^10 ≈ 2^49
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function totpStatus(ctx: ServiceContext, userId: number): "off" | "pending" | "on" {
  const row = ctx.db.select().from(userTotp).where(eq(userTotp.userId, userId)).get();
  return !row ? "off" : row.confirmedAt === null ? "pending" : "on";
}

/** Step 1: a new secret for the user (replacing an unconfirmed one). 2FA is not required until confirmed. */
export function beginTotp(ctx: ServiceContext, name: string): { secret: string; uri: string } {
  return withTransaction(ctx, (tx) => {
    const user = requireUser(tx, name);
    if (totpStatus(tx, user.id) === "on") throw conflict(`two-factor authentication is already on for ${user.name}; use "user 2fa reset" first`);
    const secret = generateSecret();
    const sealed = secretBox(tx.config).seal(secret);
    tx.db.delete(userTotp).where(eq(userTotp.userId, user.id)).run();
    tx.db.insert(userTotp).values({ userId: user.id, secretEnc: sealed, createdAt: tx.now() }).run();
    const issuer = tx.config.server.public_url ? new URL(tx.config.server.public_url).host : "rdconsole";
    return { secret, uri: generateURI({ issuer, label: user.name, secret }) };
  });
}

/** Step 2: turns 2FA on once `code` matches (or without a code for scripted setups); returns recovery codes. */
export function confirmTotp(ctx: ServiceContext, name: string, code: string | null): string[] {
  return withTransaction(ctx, (tx) => {
    const user = requireUser(tx, name);
    const row = tx.db.select().from(userTotp).where(eq(userTotp.userId, user.id)).get();
    if (!row || row.confirmedAt !== null) throw conflict(`no pending authenticator for ${user.name}; run "user 2fa enable" again`);
    let step = 0;
    if (code !== null) {
      step = matchStep(tx, secretBox(tx.config).open(row.secretEnc), code, 0);
      if (step === 0) throw invalid("that code does not match; check the authenticator's clock and try again");
    }
    tx.db.update(userTotp).set({ confirmedAt: tx.now(), lastTimeStep: step }).where(eq(userTotp.userId, user.id)).run();
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    tx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).run();
    tx.db.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, codeHash: sha256(normalizeRecovery(c)) }))).run();
    emitAudit(tx, "user.2fa_enable", target(user), { confirmed_with_code: code !== null });
    return codes;
  });
}

/** Both steps at once (`user 2fa enable --no-confirm`, scripted setups): the secret is shown this once, 2FA is on. */
export function enrolTotpUnconfirmed(ctx: ServiceContext, name: string): { secret: string; uri: string; codes: string[] } {
  return withTransaction(ctx, (tx) => {
    const enrolment = beginTotp(tx, name);
    return { ...enrolment, codes: confirmTotp(tx, name, null) };
  });
}

/** The accepted time step for `code`, or 0. Only steps after `after` count (replay guard). */
function matchStep(ctx: ServiceContext, secret: string, code: string, after: number): number {
  if (!SIX_DIGITS.test(code)) return 0;
  // Nothing newer than `after` can be accepted yet (the clock stepped back, or totp_window shrank);
  // otplib throws in that case rather than answering "no".
  const newest = Math.floor(ctx.now() / 30_000) + ctx.config.auth.totp_window;
  if (after >= newest) return 0;
  try {
    const result = verifySync({
      secret,
      token: code,
      epoch: Math.floor(ctx.now() / 1000),
      epochTolerance: ctx.config.auth.totp_window * 30,
      ...(after > 0 ? { afterTimeStep: after } : {}),
    });
    return result.valid ? ((result as { timeStep?: number }).timeStep ?? 0) : 0;
  } catch (e) {
    ctx.log.warn("TOTP check failed", e);
    return 0;
  }
}

/**
 * The login check: a current TOTP code (each time step accepted once) or an unused recovery code
 * (burnt). Call inside a transaction.
 */
export function checkSecondFactor(ctx: ServiceContext, userId: number, code: string): "totp" | "recovery" | null {
  const row = ctx.db.select().from(userTotp).where(eq(userTotp.userId, userId)).get();
  if (!row || row.confirmedAt === null) return null;
  const trimmed = code.trim();
  if (SIX_DIGITS.test(trimmed)) {
    const step = matchStep(ctx, secretBox(ctx.config).open(row.secretEnc), trimmed, row.lastTimeStep);
    if (step === 0) return null;
    const claimed = ctx.db.update(userTotp).set({ lastTimeStep: step }).where(and(eq(userTotp.userId, userId), eq(userTotp.lastTimeStep, row.lastTimeStep))).returning().get();
    return claimed ? "totp" : null;
  }
  const hash = sha256(normalizeRecovery(trimmed));
  const burnt = ctx.db
    .update(recoveryCodes)
    .set({ usedAt: ctx.now() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)))
    .returning()
    .get();
  return burnt ? "recovery" : null;
}

export function remainingRecoveryCodes(ctx: ServiceContext, userId: number): number {
  return ctx.db.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))).all().length;
}

function removeTotp(ctx: ServiceContext, user: UserRow) {
  ctx.db.delete(userTotp).where(eq(userTotp.userId, user.id)).run();
  ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).run();
}

/** Turns 2FA off; live sessions stay. */
export function disableTotp(ctx: ServiceContext, name: string): void {
  withTransaction(ctx, (tx) => {
    const user = requireUser(tx, name);
    if (totpStatus(tx, user.id) === "off") throw conflict(`two-factor authentication is not on for ${user.name}`);
    removeTotp(tx, user);
    emitAudit(tx, "user.2fa_disable", target(user));
  });
}

/** For a lost authenticator: 2FA off and every session revoked; the user enrols again. */
export function resetTotp(ctx: ServiceContext, name: string): number {
  return withTransaction(ctx, (tx) => {
    const user = requireUser(tx, name);
    removeTotp(tx, user);
    const revoked = revokeUserSessions(tx, user.id);
    emitAudit(tx, "user.2fa_reset", target(user), { sessions_revoked: revoked });
    return revoked;
  });
}

/** 2FA state of every user that has an authenticator, by user guid (users without one are "off"). */
export function totpStates(ctx: ServiceContext): Map<string, "pending" | "on"> {
  const rows = ctx.db.select({ guid: users.guid, confirmedAt: userTotp.confirmedAt }).from(userTotp).innerJoin(users, eq(userTotp.userId, users.id)).all();
  return new Map(rows.map((r) => [r.guid, r.confirmedAt === null ? "pending" : "on"]));
}
