// One page of a book's peers for the admin API and the web console: in the order they were added, optionally
// only those whose ID, alias, note, host name or a tag contains the search text (any case).
import { and, asc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { containsAny, containsPattern } from "../core/like.ts";
import { abPeers } from "../db/schema.ts";
import type { BookRow } from "./access.ts";
import type { PeerRow } from "./peers.ts";

export function searchPeers(ctx: ServiceContext, book: BookRow, input: { offset: number; limit: number; search?: string }): { total: number; rows: PeerRow[] } {
  const conds = [eq(abPeers.abId, book.id)];
  if (input.search) {
    const tagged = sql`exists (select 1 from json_each(${abPeers.tags}) where value like ${containsPattern(input.search)} escape '\\')`;
    conds.push(sql`(${containsAny([abPeers.peerId, abPeers.alias, abPeers.note, abPeers.hostname], input.search)} or ${tagged})`);
  }
  const where = and(...conds);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(abPeers).where(where).get()!.n;
  const rows = ctx.db.select().from(abPeers).where(where).orderBy(asc(abPeers.id)).limit(input.limit).offset(input.offset).all();
  return { total, rows };
}
