// API tokens and enrolment keys: create, list, show, revoke, rotate. Every change is one transaction with its
// console-audit row; the secret is returned once and only its SHA-256 is stored.
import { asc, eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { checkText } from "../core/validate.ts";
import { closest } from "../config/suggest.ts";
import { apiTokens, users, UserStatus, type EnrolPresets, type TokenScopes } from "../db/schema.ts";
import { kindLabel, isoTime, toToken, tokenTarget, type Token, type TokenRow } from "./model.ts";
import { checkPresets, hasPresets, shownPresets } from "./presets.ts";
import { checkScopes, formatScopes } from "./scopes.ts";
import { newTokenSecret, PREFIX_LENGTH, secretParts } from "./secret.ts";

export interface CreateTokenInput {
  name: string;
  kind?: "api" | "enrol";
  /** API tokens: at least one area. Enrolment keys get `enrol:rw` and nothing else. */
  scopes?: TokenScopes;
  /** An enabled administrator's name; default: the first enabled administrator. */
  owner?: string;
  /** Milliseconds from now; null or absent: never expires. */
  expiresIn?: number | null;
  note?: string;
  presets?: EnrolPresets;
  /** Enrolment keys: how many enrolments; null or absent: unlimited. */
  maxUses?: number | null;
  lock?: boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

function checkTokenName(name: string): string {
  if (!NAME.test(name)) throw invalid(`invalid token name "${name.slice(0, 80)}": use 1-64 characters from A-Z a-z 0-9 . _ @ -, starting with a letter or digit`);
  return name;
}

/** The owner a new token acts for: the named user, who must be an enabled administrator, or the first one. */
function ownerFor(ctx: ServiceContext, name: string | undefined) {
  if (name === undefined) {
    const first = ctx.db.select().from(users).where(sql`${users.isAdmin} = 1 and ${users.status} = ${UserStatus.normal}`).orderBy(asc(users.id)).get();
    if (!first) throw invalid("there is no enabled administrator to own the token: create one (rdconsole user create <name> --admin) or name one with --owner");
    return first;
  }
  const row = ctx.db.select().from(users).where(sql`${users.name} = ${name} collate nocase`).get();
  if (!row) {
    const hit = closest(name, ctx.db.select({ n: users.name }).from(users).all().map((r) => r.n));
    throw notFound(`user "${name}" not found${hit ? ` (did you mean "${hit}"?)` : ""}`);
  }
  if (!row.isAdmin) throw invalid(`${row.name} is not an administrator; a token acts for its owner and can never do more, so its owner must be one`);
  if (row.status !== UserStatus.normal) throw invalid(`${row.name} is disabled and cannot own a token`);
  return row;
}

function checkCreate(input: CreateTokenInput) {
  const kind = input.kind ?? "api";
  const maxUses = input.maxUses ?? null;
  if (kind === "api") {
    if ((input.presets && hasPresets(input.presets)) || maxUses !== null || input.lock)
      throw invalid("presets, a use limit and lock are for enrolment keys (kind enrol)");
    return { kind, scopes: checkScopes(input.scopes ?? {}), maxUses };
  }
  if (input.scopes && Object.keys(input.scopes).length) throw invalid("an enrolment key may only enrol: it takes no scopes (create an API token with the enrol scope for more)");
  if (maxUses !== null && (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 1_000_000)) throw invalid("the use limit must be a whole number from 1 to 1000000");
  return { kind, scopes: { enrol: "rw" } as TokenScopes, maxUses };
}

const auditDetails = (row: TokenRow, owner: string) => ({
  kind: row.kind,
  prefix: row.prefix,
  scopes: formatScopes(row.scopes),
  owner,
  expires_at: row.expiresAt === null ? null : isoTime(row.expiresAt),
  ...(row.kind === "enrol" ? { presets: shownPresets(row.presets), max_uses: row.maxUses, lock: row.lock } : {}),
});

/** Creates a token; `secret` is the only copy there will ever be. */
export function createToken(ctx: ServiceContext, input: CreateTokenInput): { token: Token; secret: string } {
  const name = checkTokenName(input.name);
  const { kind, scopes, maxUses } = checkCreate(input);
  const note = checkText("note", input.note ?? "", 2000);
  const expiresIn = input.expiresIn ?? null;
  if (expiresIn !== null && (!Number.isFinite(expiresIn) || expiresIn <= 0)) throw invalid("a token's lifetime must be positive, or never");
  return withTransaction(ctx, (tx) => {
    const same = tx.db.select({ name: apiTokens.name, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(sql`${apiTokens.name} = ${name} collate nocase`).get();
    if (same) throw conflict(`a token named "${same.name}" already exists${same.revokedAt !== null ? " (revoked)" : ""}`);
    const owner = ownerFor(tx, input.owner);
    const presets = kind === "enrol" ? checkPresets(tx, input.presets ?? {}) : {};
    const secret = newTokenSecret();
    const now = tx.now();
    const row = tx.db
      .insert(apiTokens)
      .values({ name, kind, ...secretParts(secret), scopes, ownerId: owner.id, note, presets, maxUses, lock: Boolean(input.lock), createdAt: now, expiresAt: expiresIn === null ? null : now + expiresIn })
      .returning()
      .get();
    emitAudit(tx, "token.create", tokenTarget(row), auditDetails(row, owner.name));
    return { token: toToken(row, owner.name, now), secret };
  });
}

function rowsWithOwner(ctx: ServiceContext) {
  return ctx.db.select({ row: apiTokens, owner: users.name }).from(apiTokens).leftJoin(users, eq(users.id, apiTokens.ownerId));
}

export function listTokens(ctx: ServiceContext): Token[] {
  const now = ctx.now();
  return rowsWithOwner(ctx).orderBy(asc(apiTokens.id)).all().map((r) => toToken(r.row, r.owner, now));
}

/** A token by name (any case) or by its prefix (with or without `rdc_`). */
function findToken(ctx: ServiceContext, ref: string): { row: TokenRow; owner: string | null } {
  const byName = rowsWithOwner(ctx).where(sql`${apiTokens.name} = ${ref} collate nocase`).get();
  if (byName) return byName;
  const prefix = ref.startsWith("rdc_") ? ref.slice(4) : ref;
  // A full token pasted in also finds its row: its first characters are the prefix.
  const start = prefix.slice(0, PREFIX_LENGTH);
  const byPrefix = start.length >= 4 ? rowsWithOwner(ctx).where(sql`substr(${apiTokens.prefix}, 1, ${start.length}) = ${start}`).all() : [];
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1) throw conflict(`prefix ${prefix} matches ${byPrefix.length} tokens; name the token instead`);
  const hit = closest(ref, ctx.db.select({ n: apiTokens.name }).from(apiTokens).all().map((r) => r.n));
  throw notFound(`token "${ref}" not found${hit ? ` (did you mean "${hit}"?)` : ""}`);
}

export function getToken(ctx: ServiceContext, ref: string): Token {
  const { row, owner } = findToken(ctx, ref);
  return toToken(row, owner, ctx.now());
}

export function revokeToken(ctx: ServiceContext, ref: string): Token {
  return withTransaction(ctx, (tx) => {
    const { row, owner } = findToken(tx, ref);
    if (row.revokedAt !== null) throw conflict(`${kindLabel(row)} "${row.name}" is already revoked (since ${isoTime(row.revokedAt)})`);
    const updated = tx.db.update(apiTokens).set({ revokedAt: tx.now() }).where(eq(apiTokens.id, row.id)).returning().get()!;
    emitAudit(tx, "token.revoke", tokenTarget(row), { kind: row.kind, prefix: row.prefix });
    return toToken(updated, owner, tx.now());
  });
}

/** A new secret with the same settings; the old one stops working at once (its hash is gone). */
export function rotateToken(ctx: ServiceContext, ref: string): { token: Token; secret: string } {
  return withTransaction(ctx, (tx) => {
    const { row, owner } = findToken(tx, ref);
    if (row.revokedAt !== null) throw conflict(`${kindLabel(row)} "${row.name}" is revoked; create a new one instead`);
    if (row.expiresAt !== null && row.expiresAt <= tx.now()) throw conflict(`${kindLabel(row)} "${row.name}" expired at ${isoTime(row.expiresAt)}; create a new one instead`);
    const secret = newTokenSecret();
    const parts = secretParts(secret);
    const updated = tx.db.update(apiTokens).set({ ...parts, lastUsedAt: null }).where(eq(apiTokens.id, row.id)).returning().get()!;
    emitAudit(tx, "token.rotate", tokenTarget(row), { kind: row.kind, old_prefix: row.prefix, prefix: parts.prefix });
    return { token: toToken(updated, owner, tx.now()), secret };
  });
}
