// Tags of a book: a bare list with a mandatory 32-bit ARGB colour (client: flutter/lib/common/hbbs/hbbs.dart:283-285 (rustdesk@7423dced)),
// in creation order. Renames and deletes cascade into every peer of the book, as the legacy client did
// locally: client: flutter/lib/models/ab_model.dart:1253-1305 (rustdesk@7423dced).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { abPeers, abTags } from "../db/schema.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { READ, requireBook, touchBook, WRITE, type BookRow } from "./access.ts";

export const MAX_COLOR = 0xffffffff;
// Material colours with full alpha, the kind the client picks (client: flutter/lib/common.dart:1416-1444 (rustdesk@7423dced)):
// used for tags created implicitly.
const PALETTE = [0xff2196f3, 0xff4caf50, 0xffff9800, 0xff9c27b0, 0xfff44336, 0xff009688, 0xff795548, 0xff607d8b, 0xffe91e63, 0xff3f51b5, 0xffcddc39, 0xff00bcd4];

export function checkTagName(name: string): string {
  if (name.length < 1 || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) throw invalid("a tag name needs 1-100 printable characters");
  return name;
}

function checkColor(color: number): number {
  if (!Number.isInteger(color) || color < 0 || color > MAX_COLOR) throw invalid(`a tag colour is a 32-bit ARGB integer (0-${MAX_COLOR})`);
  return color;
}

const target = (b: BookRow) => ({ type: "address_book", guid: b.guid, name: b.name || "personal" });

export function tagsOf(ctx: ServiceContext, book: BookRow) {
  return ctx.db.select({ name: abTags.name, color: abTags.color }).from(abTags).where(eq(abTags.abId, book.id)).orderBy(asc(abTags.id)).all();
}

export function listTags(ctx: ServiceContext, guid: string) {
  return tagsOf(ctx, requireBook(ctx, guid, READ));
}

/** Creates the tags a peer uses that the book lacks (Pro's scripts may send new ones: client: res/ab.py:162-170 (rustdesk@7423dced)). Inside a transaction. */
export function ensureTags(ctx: ServiceContext, book: BookRow, names: string[]): void {
  if (!names.length) return;
  const have = new Set(ctx.db.select({ name: abTags.name }).from(abTags).where(and(eq(abTags.abId, book.id), inArray(abTags.name, names))).all().map((t) => t.name));
  const missing = names.filter((n) => !have.has(n));
  if (!missing.length) return;
  const count = ctx.db.select({ n: sql<number>`count(*)` }).from(abTags).where(eq(abTags.abId, book.id)).get()!.n;
  if (count + missing.length > ctx.config.address_book.max_tags) throw invalid(`an address book holds at most ${ctx.config.address_book.max_tags} tags`);
  ctx.db.insert(abTags).values(missing.map((name, i) => ({ abId: book.id, name, color: PALETTE[(count + i) % PALETTE.length]! }))).run();
}

export function addTag(ctx: ServiceContext, guid: string, input: { name: string; color: number }): void {
  const name = checkTagName(input.name);
  const color = checkColor(input.color);
  withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    if (tx.db.select().from(abTags).where(and(eq(abTags.abId, book.id), eq(abTags.name, name))).get()) throw conflict(`the tag "${name}" already exists`);
    ensureTags(tx, book, [name]);
    tx.db.update(abTags).set({ color }).where(and(eq(abTags.abId, book.id), eq(abTags.name, name))).run();
    touchBook(tx, book);
    emitAudit(tx, "ab_tag.add", target(book), { tag: name, color });
  });
}

/** Rewrites the tag lists of the book's peers that carry `from`; `to` null removes it. */
function cascade(ctx: ServiceContext, book: BookRow, from: string, to: string | null): number {
  const holders = ctx.db
    .select({ id: abPeers.id, tags: abPeers.tags })
    .from(abPeers)
    .where(and(eq(abPeers.abId, book.id), sql`exists (select 1 from json_each(${abPeers.tags}) where value = ${from})`))
    .all();
  for (const p of holders) {
    const next = p.tags.flatMap((t) => (t !== from ? [t] : to === null || p.tags.includes(to) ? [] : [to]));
    ctx.db.update(abPeers).set({ tags: next }).where(eq(abPeers.id, p.id)).run();
  }
  return holders.length;
}

export function renameTag(ctx: ServiceContext, guid: string, input: { old: string; new: string }): void {
  const to = checkTagName(input.new);
  withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    if (input.old === to) return;
    const tag = tx.db.select().from(abTags).where(and(eq(abTags.abId, book.id), eq(abTags.name, input.old))).get();
    if (!tag) throw notFound(`the tag "${input.old}" does not exist`);
    if (tx.db.select().from(abTags).where(and(eq(abTags.abId, book.id), eq(abTags.name, to))).get()) throw conflict(`the tag "${to}" already exists`);
    tx.db.update(abTags).set({ name: to }).where(eq(abTags.id, tag.id)).run();
    const peers = cascade(tx, book, input.old, to);
    touchBook(tx, book);
    emitAudit(tx, "ab_tag.rename", target(book), { tag: input.old, new_name: to, peers });
  });
}

export function setTagColor(ctx: ServiceContext, guid: string, input: { name: string; color: number }): void {
  const color = checkColor(input.color);
  withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    const done = tx.db.update(abTags).set({ color }).where(and(eq(abTags.abId, book.id), eq(abTags.name, input.name))).returning().get();
    if (!done) throw notFound(`the tag "${input.name}" does not exist`);
    touchBook(tx, book);
    emitAudit(tx, "ab_tag.update", target(book), { tag: input.name, color });
  });
}

/** Renames a tag and/or changes its colour, all or nothing (the admin API); returns it as it is now. */
export function updateTag(ctx: ServiceContext, guid: string, name: string, input: { name?: string; color?: number }): { name: string; color: number } {
  if (input.name === undefined && input.color === undefined) throw invalid("nothing to change: give name or color");
  return withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    if (!tx.db.select().from(abTags).where(and(eq(abTags.abId, book.id), eq(abTags.name, name))).get()) throw notFound(`the tag "${name}" does not exist`);
    if (input.name !== undefined) renameTag(tx, guid, { old: name, new: input.name });
    const now = input.name ?? name;
    if (input.color !== undefined) setTagColor(tx, guid, { name: now, color: input.color });
    return tx.db.select({ name: abTags.name, color: abTags.color }).from(abTags).where(and(eq(abTags.abId, book.id), eq(abTags.name, now))).get()!;
  });
}

/** Deletes the tags with these names (others are ignored) and takes them off every peer; returns the names deleted. */
export function deleteTags(ctx: ServiceContext, guid: string, names: string[]): string[] {
  return withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    const gone = tx.db.delete(abTags).where(and(eq(abTags.abId, book.id), inArray(abTags.name, names))).returning({ name: abTags.name }).all();
    let peers = 0;
    for (const { name } of gone) peers += cascade(tx, book, name, null);
    if (!gone.length) return [];
    touchBook(tx, book);
    emitAudit(tx, "ab_tag.delete", target(book), { tags: gone.map((t) => t.name), peers });
    return gone.map((t) => t.name);
  });
}
