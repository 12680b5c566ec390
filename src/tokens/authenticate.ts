// The one check every token-authenticated request goes through (the admin HTTP API, enrolment): the token's
// state, its owner's and its scopes are read from SQLite at each call — no cache — so a revoke, an expiry, a
// demoted or disabled owner take effect on the next request.
import { eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { sameHash } from "../crypto/tokens.ts";
import { apiTokens, users, UserStatus } from "../db/schema.ts";
import type { UserRow } from "../users/model.ts";
import { isoTime, kindLabel, tokenTarget, type TokenRow } from "./model.ts";
import { covers, formatScopes, type Need } from "./scopes.ts";
import { SECRET_SHAPE, secretParts } from "./secret.ts";

/** last_used_at is written at most this often per token: a busy token does not write on every request. */
export const LAST_USED_EVERY_MS = 5 * 60_000;

const AREA_WORDS: Record<Need["area"], string> = {
  devices: "devices",
  users: "users",
  groups: "user and device groups",
  strategies: "strategies",
  address_books: "address books",
  audit: "audit logs",
  enrol: "device enrolment",
  admin: "API tokens and bans (the admin scope)",
};

export type DenyReason = "revoked" | "expired" | "owner_deleted" | "owner_disabled" | "owner_not_admin" | "scope";

/**
 * The token and its owner when `secret` may do `need`; else ServiceError UNAUTHORIZED (unknown, revoked,
 * expired, owner deleted or disabled) or FORBIDDEN (owner no longer an administrator, scope missing).
 * A known token refused is a `token.denied` audit row; an unknown secret writes nothing, so anonymous guessing
 * cannot grow the database. Call it outside a transaction: a rollback would take the audit row with it.
 */
export function authenticateToken(ctx: ServiceContext, secret: string, need: Need): { token: TokenRow; owner: UserRow } {
  const unknown = () => new ServiceError("UNAUTHORIZED", "invalid API token");
  if (!SECRET_SHAPE.test(secret)) throw unknown();
  const { tokenHash } = secretParts(secret);
  const row = ctx.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).get();
  // The index finds the row by hash; the compare that decides is constant-time.
  if (!row || !sameHash(row.tokenHash, tokenHash)) throw unknown();
  const label = `${kindLabel(row)} "${row.name}"`;
  const deny = (code: "UNAUTHORIZED" | "FORBIDDEN", reason: DenyReason, message: string): never => {
    withTransaction(ctx, (tx) => emitAudit(tx, "token.denied", tokenTarget(row), { reason, area: need.area, write: need.write, prefix: row.prefix }));
    throw new ServiceError(code, message);
  };
  const now = ctx.now();
  if (row.revokedAt !== null) deny("UNAUTHORIZED", "revoked", `${label} was revoked`);
  if (row.expiresAt !== null && row.expiresAt <= now) deny("UNAUTHORIZED", "expired", `${label} expired at ${isoTime(row.expiresAt)}`);
  const owner = row.ownerId === null ? undefined : ctx.db.select().from(users).where(eq(users.id, row.ownerId)).get();
  if (!owner) return deny("UNAUTHORIZED", "owner_deleted", `${label} has no owner any more (the user it acted for was deleted)`);
  if (owner.status !== UserStatus.normal) deny("UNAUTHORIZED", "owner_disabled", `${label} acts for ${owner.name}, who is disabled`);
  // A token never does more than its owner may: every area needs an administrator.
  if (!owner.isAdmin) deny("FORBIDDEN", "owner_not_admin", `${label} acts for ${owner.name}, who is no longer an administrator`);
  if (!covers(row.scopes, need))
    deny("FORBIDDEN", "scope", `${label} may not ${need.write ? "change" : "read"} ${AREA_WORDS[need.area]} (its scopes: ${formatScopes(row.scopes) || "none"})`);
  if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_EVERY_MS) {
    // Soft state, like a session's last use: one conditional UPDATE, no audit row.
    ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(sql`${apiTokens.id} = ${row.id} and (${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} <= ${now - LAST_USED_EVERY_MS})`)
      .run();
  }
  return { token: { ...row, lastUsedAt: row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_EVERY_MS ? now : row.lastUsedAt }, owner };
}
