// Address books of a snapshot: personal books merged into the owner's, shared ones created (or, on a re-run,
// found again by name and owner) with their tags, peers and rules; the merge is addressbook's own import.
import { sql } from "drizzle-orm";
import type { BookRow } from "../addressbook/access.ts";
import { createSharedBook, findPersonalBook, personalBook } from "../addressbook/books.ts";
import { checkNewPeer, type PeerInput } from "../addressbook/peers.ts";
import { listRules, setRule } from "../addressbook/rules.ts";
import { checkTagName, tagsOf } from "../addressbook/tags.ts";
import { importBook } from "../addressbook/transfer.ts";
import type { ServiceContext } from "../core/context.ts";
import { addressBooks } from "../db/schema.ts";
import { reasonOf, type Mapping } from "./apply-people.ts";
import { count, created, note, skip, type ImportReport } from "./report.ts";
import type { Snapshot, SourceBook } from "./source.ts";

const sharedNamed = (ctx: ServiceContext, name: string) =>
  ctx.db.select().from(addressBooks).where(sql`${addressBooks.personal} = 0 and ${addressBooks.name} = ${name} collate nocase`).get();

/** The shared book for a source book: its name, else "<name> (<owner>)" when another owner has the name. */
function sharedBook(ctx: ServiceContext, b: SourceBook, owner: { id: number; name: string }, r: ImportReport): BookRow | null {
  for (const name of [b.name.trim(), `${b.name.trim()} (${owner.name})`]) {
    const same = sharedNamed(ctx, name);
    if (same && same.ownerId !== owner.id) continue;
    if (same) {
      count(r, "book", "existing");
      return same;
    }
    const book = createSharedBook(ctx, { name, owner: owner.name, note: `imported from ${r.server}` });
    created(r, "book", name);
    if (name !== b.name.trim()) note(r, "book", name, `renamed: "${b.name}" belongs to another owner here`);
    return book;
  }
  skip(r, "book", b.name, "name clash: both its name and its name with the owner's are taken by other owners' books");
  return null;
}

function ownBook(ctx: ServiceContext, owner: { id: number; name: string }, r: ImportReport): BookRow {
  if (findPersonalBook(ctx, owner.id)) count(r, "book", "existing");
  else created(r, "book", `@${owner.name}`);
  return personalBook(ctx, owner.id);
}

function fillBook(ctx: ServiceContext, book: BookRow, b: SourceBook, label: string, r: ImportReport): void {
  const had = new Set(tagsOf(ctx, book).map((t) => t.name));
  const tags = b.tags.filter((t) => {
    try {
      checkTagName(t.name);
      return true;
    } catch (e) {
      skip(r, "tag", `${label}: ${t.name.slice(0, 40)}`, reasonOf(e));
      return false;
    }
  });
  const peers: PeerInput[] = b.peers.filter((p) => {
    try {
      checkNewPeer(p, book);
      return true;
    } catch (e) {
      skip(r, "peer", `${label}: ${p.id.slice(0, 40)}`, reasonOf(e));
      return false;
    }
  });
  try {
    const { added } = importBook(ctx, book, { tags, peers });
    count(r, "peer", "created", added);
    count(r, "peer", "existing", peers.length - added);
  } catch (e) {
    skip(r, "peer", label, `${peers.length} peer(s): ${reasonOf(e)}`, peers.length);
    return;
  }
  const names = new Set([...tags.map((t) => t.name), ...peers.flatMap((p) => p.tags ?? [])]);
  for (const name of names) count(r, "tag", had.has(name) ? "existing" : "created");
}

function applyRules(ctx: ServiceContext, book: BookRow, b: SourceBook, m: Mapping, r: ImportReport): void {
  const before = listRules(ctx, book);
  for (const rule of b.rules) {
    const user = rule.user === undefined ? undefined : m.users.get(rule.user);
    const group = rule.group === undefined ? undefined : m.groups.get(rule.group);
    const label = `${book.name}: ${rule.user !== undefined ? `user ${rule.user}` : `group ${rule.group}`}`;
    if (!user && !group) {
      skip(r, "rule", label, `unknown ${rule.user !== undefined ? "user" : "group"} id (not in the source or not imported)`);
      continue;
    }
    if (before.some((x) => (user ? x.user === user.name : x.group === group!.name))) {
      count(r, "rule", "existing");
      continue;
    }
    if (rule.rule !== 1 && rule.rule !== 2 && rule.rule !== 3) {
      skip(r, "rule", label, `permission ${rule.rule} is none of 1 (read), 2 (read/write), 3 (full)`);
      continue;
    }
    setRule(ctx, book, user ? { user: user.name } : { group: group!.name }, rule.rule);
    count(r, "rule", "created");
  }
}

export function applyBooks(ctx: ServiceContext, snap: Snapshot, r: ImportReport, m: Mapping): void {
  for (const b of snap.books) {
    const owner = m.users.get(b.owner);
    const label = b.personal ? `@${owner?.name ?? `user ${b.owner}`}` : b.name;
    if (!owner) {
      skip(r, "book", label, `its owner (user id ${b.owner}) was not imported`);
      if (b.peers.length) skip(r, "peer", label, `${b.peers.length} peer(s) of a book not imported`, b.peers.length);
      continue;
    }
    let book: BookRow | null;
    try {
      book = b.personal ? ownBook(ctx, owner, r) : sharedBook(ctx, b, owner, r);
    } catch (e) {
      skip(r, "book", label, reasonOf(e));
      book = null;
    }
    if (!book) {
      if (b.peers.length) skip(r, "peer", label, `${b.peers.length} peer(s) of a book not imported`, b.peers.length);
      continue;
    }
    fillBook(ctx, book, b, b.personal ? label : book.name, r);
    if (!b.personal) applyRules(ctx, book, b, m, r);
  }
}
