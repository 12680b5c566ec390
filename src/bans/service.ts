// IP bans (Drawpile-style ban list): addresses or CIDR ranges refused on every endpoint,
// optionally until a time. Added by admins from the CLI or automatically by the lockout.
import { asc, eq, gt, isNull, or } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { bans } from "../db/schema.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { Database } from "bun:sqlite";
import { cidrContains, parseCidr, type Cidr } from "../net/cidr.ts";

export type Ban = typeof bans.$inferSelect;

const active = (now: number) => or(isNull(bans.expiresAt), gt(bans.expiresAt, now));

export function listBans(ctx: ServiceContext, includeExpired = false): Ban[] {
  const q = ctx.db.select().from(bans);
  return (includeExpired ? q : q.where(active(ctx.now()))).orderBy(asc(bans.id)).all();
}

export function addBan(ctx: ServiceContext, input: { cidr: string; expiresAt: number | null; comment?: string }): Ban {
  const parsed = parseCidr(input.cidr);
  if (!parsed) throw invalid(`not an IP address or CIDR range: "${input.cidr.slice(0, 60)}"`);
  const comment = (input.comment ?? "").slice(0, 500);
  if (input.expiresAt !== null && input.expiresAt <= ctx.now()) throw invalid("the ban would already have expired");
  if (input.expiresAt !== null && (!Number.isSafeInteger(input.expiresAt) || input.expiresAt > ctx.now() + 100 * 365 * 86_400_000))
    throw invalid("a ban lasts at most 100 years; leave the expiry out for a permanent one");
  return withTransaction(ctx, (tx) => {
    const row = tx.db
      .insert(bans)
      .values({ cidr: parsed.text, comment, createdBy: tx.actor.name, createdAt: tx.now(), expiresAt: input.expiresAt })
      .returning()
      .get();
    emitAudit(tx, "ban.add", { type: "ban", guid: row.guid, name: row.cidr }, { expires_at: row.expiresAt, comment });
    return row;
  });
}

export function removeBan(ctx: ServiceContext, idOrGuid: string): Ban {
  return withTransaction(ctx, (tx) => {
    const where = /^\d+$/.test(idOrGuid) ? eq(bans.id, Number(idOrGuid)) : eq(bans.guid, idOrGuid);
    const row = tx.db.delete(bans).where(where).returning().get();
    if (!row) throw notFound(`ban ${idOrGuid} not found`);
    emitAudit(tx, "ban.remove", { type: "ban", guid: row.guid, name: row.cidr });
    return row;
  });
}

/** Matches an IP against CIDR texts, with parsing memoised across calls. */
export function cidrMatcher(): (cidrs: readonly string[], ip: string) => boolean {
  const parsed = new Map<string, Cidr | null>();
  return (cidrs, ip) => {
    if (parsed.size > 10_000) parsed.clear();
    return cidrs.some((cidr) => {
      let c = parsed.get(cidr);
      if (c === undefined) parsed.set(cidr, (c = parseCidr(cidr)));
      return c !== null && cidrContains(c, ip);
    });
  };
}

/**
 * The per-request ban check: a prepared statement (the query builder cost ~110 µs a call, on every
 * request) and memoised CIDR parsing. Still read per request, so a CLI ban applies at once.
 */
export function banChecker(sqlite: Database, now: () => number): (ip: string) => boolean {
  const active = sqlite.prepare<{ cidr: string }, [number]>("SELECT cidr FROM bans WHERE expires_at IS NULL OR expires_at > ?");
  const match = cidrMatcher();
  return (ip) => {
    const rows = active.all(now());
    return rows.length > 0 && match(rows.map((r) => r.cidr), ip);
  };
}
