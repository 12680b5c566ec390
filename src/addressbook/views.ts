// Books as an administrator lists them (CLI `ab list`, the admin API): every book, or the ones a user may see.
import { asc, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { notFound } from "../core/errors.ts";
import { abPeers, addressBooks, users } from "../db/schema.ts";
import { findUserRow } from "../users/service.ts";
import { effectiveRule, READ, type BookRow } from "./access.ts";

export interface BookView {
  guid: string;
  name: string;
  personal: boolean;
  owner: string;
  note: string;
  hasPassword: boolean;
  peers: number;
  createdAt: number;
  updatedAt: number;
}

const peerCount = sql<number>`(select count(*) from ${abPeers} where ${abPeers.abId} = ${addressBooks.id})`;

const viewOf = (book: BookRow, owner: string, peers: number): BookView => ({
  guid: book.guid,
  name: book.personal ? `@${owner}` : book.name,
  personal: book.personal,
  owner,
  note: book.note,
  hasPassword: book.password !== "",
  peers,
  createdAt: book.createdAt,
  updatedAt: book.updatedAt,
});

/** Every book (CLI), or the ones `user` owns or may see. */
export function listBooks(ctx: ServiceContext, filter: { user?: string } = {}): BookView[] {
  let scope: ServiceContext = ctx;
  if (filter.user) {
    const u = findUserRow(ctx, filter.user);
    if (!u) throw notFound(`user "${filter.user}" not found`);
    scope = { ...ctx, actor: { type: "user", name: u.name, guid: u.guid, userId: u.id, isAdmin: u.isAdmin } };
  }
  const rows = ctx.db.select({ book: addressBooks, owner: users.name, peers: peerCount }).from(addressBooks).innerJoin(users, eq(users.id, addressBooks.ownerId)).orderBy(asc(addressBooks.id)).all();
  return rows.filter(({ book }) => effectiveRule(scope, book) >= READ).map(({ book, owner, peers }) => viewOf(book, owner, peers));
}

/** One book; a personal book never used (read-book.ts) shows with an empty guid and no peers. */
export function showBook(ctx: ServiceContext, book: BookRow): BookView {
  const owner = ctx.db.select({ name: users.name }).from(users).where(eq(users.id, book.ownerId)).get()?.name ?? "";
  const peers = ctx.db.select({ n: sql<number>`count(*)` }).from(abPeers).where(eq(abPeers.abId, book.id)).get()!.n;
  return viewOf(book, owner, peers);
}
