// Legacy mode (§6.5): old clients, and current ones against a server that answers 404 to
// /api/ab/personal (client: flutter/lib/models/ab_model.dart:271-275 (rustdesk@7423dced)), move the whole personal book
// as one double-encoded JSON blob (client: flutter/lib/models/ab_model.dart:1064-1069 (rustdesk@7423dced)).
// It is a second view of the same personal book the new mode edits.
import { and, eq, notInArray } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { abPeers, abTags } from "../db/schema.ts";
import { invalid } from "../core/errors.ts";
import { touchBook, type BookRow } from "./access.ts";
import { personalBook } from "./books.ts";
import { checkPeerId, checkTags, insertPeers, peersOf } from "./peers.ts";
import { checkTagName, MAX_COLOR, tagsOf } from "./tags.ts";

interface LegacyPeer {
  id: string;
  username: string;
  hostname: string;
  platform: string;
  alias: string;
  tags: string[];
  hash: string;
}

/** The blob: {"tags":[…],"peers":[…],"tag_colors":"{…}"} (tag_colors is itself a JSON string). */
export function legacyData(ctx: ServiceContext, book: BookRow): string {
  const tags = tagsOf(ctx, book);
  const peers: LegacyPeer[] = peersOf(ctx, book).map((p) => ({ id: p.peerId, username: p.username, hostname: p.hostname, platform: p.platform, alias: p.alias, tags: p.tags, hash: p.hash }));
  return JSON.stringify({ tags: tags.map((t) => t.name), peers, tag_colors: JSON.stringify(Object.fromEntries(tags.map((t) => [t.name, t.color]))) });
}

export function legacyGet(ctx: ServiceContext, userId: number): { data: string; updatedAt: number } {
  const book = personalBook(ctx, userId);
  return { data: legacyData(ctx, book), updatedAt: book.updatedAt };
}

const str = (v: unknown, field: string, max: number): string => {
  if (v === undefined || v === null) return "";
  if (typeof v !== "string" || v.length > max) throw invalid(`address book data: ${field} must be a string of at most ${max} characters`);
  return v;
};

function parseBlob(data: string): { tags: string[]; colors: Record<string, number>; peers: LegacyPeer[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(data);
  } catch {
    throw invalid("address book data is not valid JSON");
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw invalid("address book data must be a JSON object");
  const d = doc as Record<string, unknown>;
  const tags = d.tags ?? [];
  const peers = d.peers ?? [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) throw invalid("address book data: tags must be a list of strings");
  if (!Array.isArray(peers)) throw invalid("address book data: peers must be a list");
  let colors: unknown = d.tag_colors ?? {};
  if (typeof colors === "string") {
    try {
      colors = colors ? JSON.parse(colors) : {};
    } catch {
      throw invalid("address book data: tag_colors is not valid JSON");
    }
  }
  if (!colors || typeof colors !== "object" || Array.isArray(colors)) throw invalid("address book data: tag_colors must be an object");
  // No prototype: a tag may be called "constructor" or "__proto__".
  const colorMap: Record<string, number> = Object.create(null);
  for (const [k, v] of Object.entries(colors)) if (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COLOR) colorMap[k] = v as number;
  if (tags.length > 10_000) throw invalid("address book data: too many tags");
  const parsed = peers.map((p, i): LegacyPeer => {
    if (!p || typeof p !== "object" || Array.isArray(p)) throw invalid(`address book data: peer ${i} must be an object`);
    const o = p as Record<string, unknown>;
    let ptags: string[];
    try {
      ptags = checkTags(o.tags ?? []);
    } catch (e) {
      throw invalid(`address book data: peer ${i}: ${(e as Error).message}`);
    }
    return {
      id: checkPeerId(str(o.id, "id", 100)),
      username: str(o.username, "username", 200),
      hostname: str(o.hostname, "hostname", 200),
      platform: str(o.platform, "platform", 50),
      alias: str(o.alias, "alias", 200),
      tags: ptags,
      hash: str(o.hash, "hash", 200),
    };
  });
  return { tags: (tags as string[]).map(checkTagName), colors: colorMap, peers: parsed };
}

/**
 * Replaces the personal book with the blob, in one transaction. Fields the blob cannot carry
 * (notes, extra connection settings) are kept for peers that stay.
 */
export function legacyReplace(ctx: ServiceContext, userId: number, data: string): void {
  const blob = parseBlob(data);
  const book = personalBook(ctx, userId);
  withTransaction(ctx, (tx) => {
    const ids = [...new Set(blob.peers.map((p) => p.id))];
    if (tx.config.address_book.max_peers > 0 && ids.length > tx.config.address_book.max_peers)
      throw invalid(`an address book holds at most ${tx.config.address_book.max_peers} peers`);
    const allTags = [...new Set([...blob.tags, ...blob.peers.flatMap((p) => p.tags)])];
    if (allTags.length > tx.config.address_book.max_tags) throw invalid(`an address book holds at most ${tx.config.address_book.max_tags} tags`);

    tx.db.delete(abTags).where(and(eq(abTags.abId, book.id), allTags.length ? notInArray(abTags.name, allTags) : undefined)).run();
    for (const name of allTags) {
      const color = blob.colors[name];
      tx.db.insert(abTags).values({ abId: book.id, name, color: color ?? 0xff2196f3 }).onConflictDoUpdate({ target: [abTags.abId, abTags.name], set: color === undefined ? { name } : { color } }).run();
    }
    tx.db.delete(abPeers).where(and(eq(abPeers.abId, book.id), ids.length ? notInArray(abPeers.peerId, ids) : undefined)).run();
    // Old clients post the whole book on every change (client: flutter/lib/models/ab_model.dart:1055-1069 (rustdesk@7423dced)):
    // only peers that differ are written.
    const current = new Map(peersOf(tx, book).map((p) => [p.peerId, p]));
    const seen = new Set<string>();
    const fresh: LegacyPeer[] = [];
    for (const p of blob.peers) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      const { id, ...fields } = p;
      const row = current.get(id);
      if (!row) fresh.push(p);
      else if ((Object.keys(fields) as (keyof typeof fields)[]).some((k) => JSON.stringify(row[k]) !== JSON.stringify(fields[k])))
        tx.db.update(abPeers).set({ ...fields, updatedAt: tx.now() }).where(eq(abPeers.id, row.id)).run();
    }
    insertPeers(tx, book, fresh);
    touchBook(tx, book);
    emitAudit(tx, "ab.replace", { type: "address_book", guid: book.guid, name: "personal" }, { peers: seen.size, tags: allTags.length, via: "legacy" });
  });
}
