// Who may do what with a book. Personal books: their owner only. Shared books: owner and admins
// have full control; otherwise the user's own rule, else their group's, else the everyone rule.
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { abRules, addressBooks } from "../db/schema.ts";
import { ServiceError } from "../core/errors.ts";
import { groupIdOf } from "../groups/service.ts";

export type BookRow = typeof addressBooks.$inferSelect;
export type Rule = 0 | 1 | 2 | 3;
export const READ = 1;
export const WRITE = 2;
export const FULL = 3;

export function effectiveRule(ctx: ServiceContext, book: BookRow, rules?: (typeof abRules.$inferSelect)[], groupId?: number | null): Rule {
  const a = ctx.actor;
  // The operator (CLI, rdconsole's own admin API) manages every book, personal ones included.
  if (a.type === "cli" || a.type === "system" || a.operator) return FULL;
  if (a.userId === undefined) return 0;
  if (book.ownerId === a.userId) return FULL;
  if (book.personal) return 0;
  if (a.isAdmin) return FULL;
  const all = rules ?? ctx.db.select().from(abRules).where(eq(abRules.abId, book.id)).all();
  const mine = all.filter((r) => r.abId === book.id);
  const byUser = mine.find((r) => r.userId === a.userId);
  if (byUser) return byUser.rule;
  const gid = groupId === undefined ? groupIdOf(ctx, a.userId) : groupId;
  const byGroup = gid !== null ? mine.find((r) => r.groupId === gid) : undefined;
  if (byGroup) return byGroup.rule;
  return mine.find((r) => r.userId === null && r.groupId === null)?.rule ?? 0;
}

export const bookNotFound = () => new ServiceError("NOT_FOUND", "Address book not found");
// client: flutter/lib/models/ab_model.dart:2007-2008 (rustdesk@7423dced) shows the body's error text as is.
export const noPermission = () => new ServiceError("FORBIDDEN", "No permission");

/** The book with this guid, if the actor has at least `need` on it. */
export function requireBook(ctx: ServiceContext, guid: string, need: Rule): BookRow {
  const book = ctx.db.select().from(addressBooks).where(eq(addressBooks.guid, guid)).get();
  if (!book) throw bookNotFound();
  if (effectiveRule(ctx, book) < need) throw noPermission();
  return book;
}

export function touchBook(ctx: ServiceContext, book: BookRow): void {
  ctx.db.update(addressBooks).set({ updatedAt: ctx.now() }).where(eq(addressBooks.id, book.id)).run();
}
