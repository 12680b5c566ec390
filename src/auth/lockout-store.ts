// Lockouts in force, kept in SQLite so that an administrator can see and lift them from the CLI,
// a separate process, while the server runs. The design, chosen as the smallest that is true
// across processes:
// - failure counting stays per-process soft state (src/auth/lockout.ts); when it locks a source or
//   an account, the server writes a row here in the transaction of the failure's audit row;
// - every login attempt (password or code step) asks this table whether a key is locked: one
//   primary-key read, negligible next to a password hash, and it reads what the CLI just changed,
//   so `lockout clear` takes effect at the next attempt with no signal to the server;
// - `lockout clear` deletes the row (audited, lockout.clear); when the server then finds its own
//   memory still holding that lock, it forgets the key's failures and lockout history too;
// - lockouts outlive a server restart. Bounded: expired rows go at each insert; past MAX_KEYS
//   rows the ones ending soonest go first (the in-memory counters have the same cap).
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { loginLockouts } from "../db/schema.ts";
import { conflict, notFound } from "../core/errors.ts";
import { abuseSubject, parseIp } from "../net/cidr.ts";
import { MAX_KEYS } from "./lockout.ts";

export type LockoutKind = "ip" | "account";

export interface LockoutEntry {
  kind: LockoutKind;
  /** The IP (or IPv6 /64) or the account's lower-case name. */
  subject: string;
  lockedAt: number;
  lockedUntil: number;
}

/** "ip:203.0.113.9" / "account:alice" (the in-memory keys of lockout.ts) → kind and subject. */
function split(key: string): { kind: LockoutKind; subject: string } {
  const at = key.indexOf(":");
  return { kind: key.slice(0, at) === "ip" ? "ip" : "account", subject: key.slice(at + 1) };
}

/** Records a lockout; call in the transaction that audits it. */
export function storeLockout(ctx: ServiceContext, key: string, now: number, until: number): void {
  const { kind, subject } = split(key);
  ctx.db.delete(loginLockouts).where(lte(loginLockouts.lockedUntil, now)).run();
  ctx.db
    .insert(loginLockouts)
    .values({ kind, subject, lockedAt: now, lockedUntil: until })
    .onConflictDoUpdate({ target: [loginLockouts.kind, loginLockouts.subject], set: { lockedAt: now, lockedUntil: until } })
    .run();
  const over = ctx.db.select({ n: sql<number>`count(*)` }).from(loginLockouts).get()!.n - MAX_KEYS;
  if (over > 0)
    ctx.db.run(sql`delete from ${loginLockouts} where rowid in (select rowid from ${loginLockouts} order by ${loginLockouts.lockedUntil} limit ${over})`);
}

/** The latest end of the lockouts in force on any of `keys`, or 0. */
export function lockedUntil(ctx: ServiceContext, keys: string[], now: number): number {
  let until = 0;
  for (const key of keys) {
    const { kind, subject } = split(key);
    const row = ctx.db
      .select({ until: loginLockouts.lockedUntil })
      .from(loginLockouts)
      .where(and(eq(loginLockouts.kind, kind), eq(loginLockouts.subject, subject), gt(loginLockouts.lockedUntil, now)))
      .get();
    until = Math.max(until, row?.until ?? 0);
  }
  return until;
}

export function listLockouts(ctx: ServiceContext): LockoutEntry[] {
  return ctx.db.select().from(loginLockouts).where(gt(loginLockouts.lockedUntil, ctx.now())).orderBy(asc(loginLockouts.lockedAt)).all();
}

/**
 * What `lockout clear` was given: an IP address (its abuse subject, as listed), an IPv6 /64 as
 * listed, or else a user name. Both kinds are tried for a name that is also an address.
 */
function candidates(target: string): { kind: LockoutKind; subject: string }[] {
  const t = target.trim();
  const out: { kind: LockoutKind; subject: string }[] = [{ kind: "account", subject: t.toLowerCase() }];
  if (parseIp(t)) out.unshift({ kind: "ip", subject: abuseSubject(t) });
  else if (t.includes("/")) out.unshift({ kind: "ip", subject: t.toLowerCase() });
  return out;
}

/** Lifts the lockouts in force on an IP or an account (audited); NOT_FOUND when there is none. */
export const clearLockout = (ctx: ServiceContext, target: string): LockoutEntry[] => lift(ctx, target, candidates(target));

/** The accounts locked out now: lower-case user name → end of the lockout. */
export function lockedAccounts(ctx: ServiceContext): Map<string, number> {
  const rows = ctx.db.select().from(loginLockouts).where(and(eq(loginLockouts.kind, "account"), gt(loginLockouts.lockedUntil, ctx.now()))).all();
  return new Map(rows.map((r) => [r.subject, r.lockedUntil]));
}

/**
 * The user list's unlock: `lockout clear` for this account only (never an IP, even for a name that reads as
 * one); CONFLICT when it is not locked. The source IPs' own lockouts stay: clear those by address.
 */
export function unlockUser(ctx: ServiceContext, name: string): LockoutEntry[] {
  const subject = name.trim().toLowerCase();
  if (!lockedAccounts(ctx).has(subject)) throw conflict(`user ${name.trim()} is not locked out`);
  return lift(ctx, name, [{ kind: "account", subject }]);
}

function lift(ctx: ServiceContext, target: string, which: { kind: LockoutKind; subject: string }[]): LockoutEntry[] {
  return withTransaction(ctx, (tx) => {
    const now = tx.now();
    const cleared: LockoutEntry[] = [];
    for (const c of which) {
      const rows = tx.db
        .delete(loginLockouts)
        .where(and(eq(loginLockouts.kind, c.kind), eq(loginLockouts.subject, c.subject), gt(loginLockouts.lockedUntil, now)))
        .returning()
        .all();
      cleared.push(...rows);
    }
    if (!cleared.length) throw notFound(`no lockout in force for "${target}" (see rdconsole lockout list)`);
    for (const e of cleared)
      emitAudit(tx, "lockout.clear", { type: e.kind === "ip" ? "ip" : "user", name: e.subject }, { locked_at: e.lockedAt, locked_until: e.lockedUntil });
    return cleared;
  });
}
