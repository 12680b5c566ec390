// Personal and shared books: the personal one on demand, shared ones created, changed, deleted (lists: views.ts).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { abRules, addressBooks, users } from "../db/schema.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { groupIdOf } from "../groups/service.ts";
import { findUserRow } from "../users/service.ts";
import { checkText } from "../core/validate.ts";
import { bookNotFound, effectiveRule, FULL, noPermission, READ, type BookRow, type Rule } from "./access.ts";
import { paginate, type Page } from "../core/page.ts";
import { likeFilter } from "../core/like.ts";

// client: flutter/lib/models/ab_model.dart:32-33 (rustdesk@7423dced) names its own pseudo-books so; a shared
// book with one of these names would be indistinguishable from them.
const RESERVED = ["my address book", "legacy address book"];

const target = (b: BookRow) => ({ type: "address_book", guid: b.guid, name: b.personal ? `personal:${b.ownerId}` : b.name });

function checkBookName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 100) throw invalid("an address book name needs 1-100 characters");
  checkText("address book name", n, 100);
  if (RESERVED.includes(n.toLowerCase())) throw invalid(`"${n}" is reserved by the RustDesk client; choose another name`);
  if (n.startsWith("@")) throw invalid('a shared address book name cannot start with "@" (that names personal books on the command line)');
  return n;
}

/** The user's personal book if it exists; never creates it (read paths: see read-book.ts). */
export function findPersonalBook(ctx: ServiceContext, userId: number): BookRow | undefined {
  return ctx.db.select().from(addressBooks).where(and(eq(addressBooks.ownerId, userId), eq(addressBooks.personal, true))).get();
}

/**
 * The user's personal book, created on first use: for writes, and for the client's own pulls
 * (POST /api/ab/personal must answer a guid; the legacy GET /api/ab and POST /api/ab/get keep
 * their updated_at) — the client asking for its own book is how a user starts one.
 */
export function personalBook(ctx: ServiceContext, userId: number): BookRow {
  const existing = findPersonalBook(ctx, userId);
  if (existing) return existing;
  return withTransaction(ctx, (tx) => {
    const now = tx.now();
    const created = tx.db.insert(addressBooks).values({ ownerId: userId, personal: true, createdAt: now, updatedAt: now }).onConflictDoNothing().returning().get();
    if (created) emitAudit(tx, "ab.create", { type: "address_book", guid: created.guid, name: "personal" }, { personal: true, owner_id: userId });
    return created ?? tx.db.select().from(addressBooks).where(and(eq(addressBooks.ownerId, userId), eq(addressBooks.personal, true))).get()!;
  });
}

export interface SharedProfile {
  guid: string;
  name: string;
  owner: string;
  note: string;
  rule: Rule;
  info: { password?: string };
}

/** Shared books the actor may see, with its rule on each (never the personal book); `name` filters as Pro's scripts do (core/like.ts). */
export function visibleSharedBooks(ctx: ServiceContext, filter: { name?: string } = {}): SharedProfile[] {
  const rows = ctx.db
    .select({ book: addressBooks, owner: users.name })
    .from(addressBooks)
    .innerJoin(users, eq(users.id, addressBooks.ownerId))
    .where(and(eq(addressBooks.personal, false), likeFilter(addressBooks.name, filter.name)))
    .orderBy(asc(addressBooks.id))
    .all();
  if (!rows.length) return [];
  const rules = ctx.db.select().from(abRules).where(inArray(abRules.abId, rows.map((r) => r.book.id))).all();
  const gid = ctx.actor.userId === undefined ? null : groupIdOf(ctx, ctx.actor.userId);
  return rows
    .map(({ book, owner }) => ({
      guid: book.guid,
      name: book.name,
      owner,
      note: book.note,
      rule: effectiveRule(ctx, book, rules, gid),
      info: book.password ? { password: book.password } : {},
    }))
    .filter((p) => p.rule >= READ);
}

export function sharedProfilesPage(ctx: ServiceContext, page: Page, filter: { name?: string } = {}) {
  return paginate(visibleSharedBooks(ctx, filter), page);
}

export function createSharedBook(ctx: ServiceContext, input: { name: string; owner: string; note?: string; password?: string }): BookRow {
  const name = checkBookName(input.name);
  const note = checkText("note", input.note ?? "", 2000);
  const password = checkText("password", input.password ?? "", 200);
  return withTransaction(ctx, (tx) => {
    const owner = findUserRow(tx, input.owner);
    if (!owner) throw notFound(`user "${input.owner}" not found`);
    const same = tx.db.select().from(addressBooks).where(sql`${addressBooks.personal} = 0 and ${addressBooks.name} = ${name} collate nocase`).get();
    if (same) throw conflict(`an address book named "${same.name}" already exists`);
    const owned = tx.db.select({ n: sql<number>`count(*)` }).from(addressBooks).where(and(eq(addressBooks.ownerId, owner.id), eq(addressBooks.personal, false))).get()!.n;
    if (owned >= tx.config.address_book.max_shared_per_user) throw invalid(`${owner.name} already owns ${owned} shared address books (address_book.max_shared_per_user)`);
    const now = tx.now();
    const book = tx.db.insert(addressBooks).values({ ownerId: owner.id, personal: false, name, note, password, createdAt: now, updatedAt: now }).returning().get();
    emitAudit(tx, "ab.create", target(book), { owner: owner.name });
    return book;
  });
}

/** Finds a book for the CLI: a shared book's name or guid, or "@user" for that user's personal book. */
export function findBook(ctx: ServiceContext, ref: string): BookRow {
  if (ref.startsWith("@")) {
    const user = findUserRow(ctx, ref.slice(1));
    if (!user) throw notFound(`user "${ref.slice(1)}" not found`);
    return personalBook(ctx, user.id);
  }
  const book =
    ctx.db.select().from(addressBooks).where(eq(addressBooks.guid, ref)).get() ??
    ctx.db.select().from(addressBooks).where(sql`${addressBooks.personal} = 0 and ${addressBooks.name} = ${ref} collate nocase`).get();
  if (!book) throw notFound(`address book "${ref}" not found`);
  return book;
}

export function updateBook(ctx: ServiceContext, book: BookRow, input: { name?: string; note?: string; password?: string; owner?: string }): BookRow {
  if (book.personal && (input.name !== undefined || input.owner !== undefined)) throw invalid("a personal address book has no name and keeps its owner");
  const patch: Partial<BookRow> = {};
  if (input.name !== undefined) patch.name = checkBookName(input.name);
  if (input.note !== undefined) patch.note = checkText("note", input.note, 2000);
  if (input.password !== undefined) patch.password = checkText("password", input.password, 200);
  return withTransaction(ctx, (tx) => {
    if (effectiveRule(tx, book) < FULL) throw noPermission();
    if (patch.name && tx.db.select().from(addressBooks).where(sql`${addressBooks.personal} = 0 and ${addressBooks.name} = ${patch.name} collate nocase and ${addressBooks.id} <> ${book.id}`).get())
      throw conflict(`an address book named "${patch.name}" already exists`);
    if (input.owner !== undefined) {
      const owner = findUserRow(tx, input.owner);
      if (!owner) throw notFound(`user "${input.owner}" not found`);
      patch.ownerId = owner.id;
    }
    const updated = tx.db.update(addressBooks).set({ ...patch, updatedAt: tx.now() }).where(eq(addressBooks.id, book.id)).returning().get();
    if (!updated) throw bookNotFound();
    emitAudit(tx, "ab.update", target(book), { changed: Object.keys(patch), ...(patch.name ? { new_name: patch.name } : {}) });
    return updated;
  });
}

export function deleteBook(ctx: ServiceContext, book: BookRow): void {
  if (book.personal) throw invalid("a personal address book is deleted with its user");
  withTransaction(ctx, (tx) => {
    if (effectiveRule(tx, book) < FULL) throw noPermission();
    tx.db.delete(addressBooks).where(eq(addressBooks.id, book.id)).run();
    emitAudit(tx, "ab.delete", target(book));
  });
}

/** Deletes shared books by guid, all or nothing (Pro's DELETE /api/ab/shared takes a list). */
export function deleteBooks(ctx: ServiceContext, guids: readonly string[]): void {
  withTransaction(ctx, (tx) => {
    for (const guid of new Set(guids)) {
      const book = tx.db.select().from(addressBooks).where(eq(addressBooks.guid, guid)).get();
      if (!book) throw bookNotFound();
      deleteBook(tx, book);
    }
  });
}
