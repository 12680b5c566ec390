// Peers of a book (§6.2, §6.4). Personal books keep `hash` (the client's remembered-password digest),
// shared books a plaintext `password`; the other one is dropped, as the client does when it adds a
// peer: client: flutter/lib/models/ab_model.dart:1561-1565 (rustdesk@7423dced).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { abPeers, type PeerExtra } from "../db/schema.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { READ, requireBook, touchBook, WRITE, type BookRow } from "./access.ts";
import { offsetOf, type Page } from "../core/page.ts";
import { likeFilter } from "../core/like.ts";
import { registeredPeers, type RegisteredInfo } from "./registered.ts";
import { checkTagName, ensureTags } from "./tags.ts";

export type PeerRow = typeof abPeers.$inferSelect;

/** What a client may send for a peer; absent keys mean "unchanged" on update. */
export interface PeerInput {
  id: string;
  alias?: string | null;
  note?: string | null;
  hash?: string | null;
  password?: string | null;
  username?: string | null;
  hostname?: string | null;
  platform?: string | null;
  tags?: string[] | null;
  forceAlwaysRelay?: string | boolean | null;
  rdpPort?: string | number | null;
  rdpUsername?: string | null;
  loginName?: string | null;
  device_group_name?: string | null;
}

const ID = /^[^\s\u0000-\u001f]{1,100}$/;
const TEXT_FIELDS = ["alias", "note", "hash", "password", "username", "hostname", "platform"] as const;
const EXTRA_FIELDS = ["forceAlwaysRelay", "rdpPort", "rdpUsername", "loginName", "device_group_name"] as const;
const MAX = { alias: 200, note: 2000, hash: 200, password: 200, username: 200, hostname: 200, platform: 50 } as const;

export function checkPeerId(id: string): string {
  if (!ID.test(id)) throw invalid(`invalid peer id "${String(id).slice(0, 40)}": 1-100 characters without spaces`);
  return id;
}

export function checkTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) throw invalid("tags must be a list of strings");
  if (tags.length > 100) throw invalid("a peer has at most 100 tags");
  return [...new Set(tags.map(checkTagName))];
}

/** The columns an input sets, validated; fields of the wrong kind of book are dropped. */
function columnsOf(input: PeerInput, book: BookRow, existing?: PeerRow): Partial<PeerRow> {
  const out: Partial<PeerRow> = {};
  for (const f of TEXT_FIELDS) {
    const v: unknown = input[f];
    if (v === undefined) continue;
    if ((f === "hash" && !book.personal) || (f === "password" && book.personal)) continue;
    if (v !== null && typeof v !== "string") throw invalid(`${f} must be a string`);
    const s = v ?? "";
    if (s.length > MAX[f]) throw invalid(`${f} is too long (at most ${MAX[f]} characters)`);
    out[f] = s;
  }
  if (input.tags !== undefined) out.tags = checkTags(input.tags ?? []);
  const extra: PeerExtra = { ...existing?.extra };
  let extraChanged = false;
  for (const f of EXTRA_FIELDS) {
    const v: unknown = input[f];
    if (v === undefined) continue;
    if (v !== null && !["string", "number", "boolean"].includes(typeof v)) throw invalid(`${f} must be a string`);
    const s = v === null ? "" : String(v);
    if (s.length > 200) throw invalid(`${f} is too long`);
    if (s) extra[f] = s;
    else delete extra[f];
    extraChanged = true;
  }
  if (extraChanged) out.extra = extra;
  return out;
}

/** The peer as the client parses it: strings (never null) and a tags array; client: flutter/lib/models/peer_model.dart:33-48 (rustdesk@7423dced). */
export function peerPayload(p: PeerRow, personal: boolean, registered?: RegisteredInfo): Record<string, unknown> {
  return {
    id: p.peerId,
    ...(personal ? { hash: p.hash } : { password: p.password }),
    username: p.username,
    hostname: p.hostname,
    platform: p.platform,
    alias: p.alias,
    tags: p.tags,
    note: p.note,
    ...p.extra,
    ...registered,
  };
}

const target = (b: BookRow) => ({ type: "address_book", guid: b.guid, name: b.name || "personal" });

/** A page of a book's peers; `id` and `alias` filter as Pro's scripts send them (core/like.ts). */
export function peersPage(ctx: ServiceContext, guid: string, page: Page, filter: { id?: string; alias?: string } = {}) {
  const book = requireBook(ctx, guid, READ);
  const where = and(eq(abPeers.abId, book.id), likeFilter(abPeers.peerId, filter.id), likeFilter(abPeers.alias, filter.alias));
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(abPeers).where(where).get()!.n;
  const rows = ctx.db.select().from(abPeers).where(where).orderBy(asc(abPeers.id)).limit(page.pageSize).offset(offsetOf(page)).all();
  const registered = registeredPeers(ctx, rows.map((p) => p.peerId));
  return { total, data: rows.map((p) => peerPayload(p, book.personal, registered.get(p.peerId))) };
}

export function peersOf(ctx: ServiceContext, book: BookRow): PeerRow[] {
  return ctx.db.select().from(abPeers).where(eq(abPeers.abId, book.id)).orderBy(asc(abPeers.id)).all();
}

/** Adds one peer to a book the actor may write. Call inside a transaction when batching. */
export function insertPeer(ctx: ServiceContext, book: BookRow, input: PeerInput): PeerRow {
  const peerId = checkPeerId(input.id);
  const cols = columnsOf(input, book);
  if (ctx.db.select({ id: abPeers.id }).from(abPeers).where(and(eq(abPeers.abId, book.id), eq(abPeers.peerId, peerId))).get())
    throw conflict(`${peerId} is already in this address book`);
  const max = ctx.config.address_book.max_peers;
  if (max > 0 && ctx.db.select({ n: sql<number>`count(*)` }).from(abPeers).where(eq(abPeers.abId, book.id)).get()!.n >= max)
    throw invalid(`this address book is full (at most ${max} peers)`);
  ensureTags(ctx, book, cols.tags ?? []);
  const now = ctx.now();
  return ctx.db.insert(abPeers).values({ ...cols, abId: book.id, peerId, createdAt: now, updatedAt: now }).returning().get();
}

/**
 * Inserts many new peers (legacy replace, import) in chunks, with one capacity check; the ids must be
 * new to the book. Per-peer inserts cost a count query each: 10,000 of them took seconds.
 */
/** Checks a new peer without writing it (throws ServiceError INVALID_INPUT). */
export function checkNewPeer(input: PeerInput, book: BookRow): void {
  checkPeerId(input.id);
  columnsOf(input, book);
}

export function insertPeers(ctx: ServiceContext, book: BookRow, inputs: PeerInput[]): void {
  if (!inputs.length) return;
  const max = ctx.config.address_book.max_peers;
  const count = ctx.db.select({ n: sql<number>`count(*)` }).from(abPeers).where(eq(abPeers.abId, book.id)).get()!.n;
  if (max > 0 && count + inputs.length > max) throw invalid(`an address book holds at most ${max} peers`);
  const now = ctx.now();
  const rows = inputs.map((input) => ({ ...columnsOf(input, book), abId: book.id, peerId: checkPeerId(input.id), createdAt: now, updatedAt: now }));
  ensureTags(ctx, book, [...new Set(rows.flatMap((r) => r.tags ?? []))]);
  for (let i = 0; i < rows.length; i += 200) ctx.db.insert(abPeers).values(rows.slice(i, i + 200)).run();
}

export function addPeer(ctx: ServiceContext, guid: string, input: PeerInput): void {
  withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    insertPeer(tx, book, input);
    touchBook(tx, book);
    emitAudit(tx, "ab_peer.add", target(book), { peer: input.id });
  });
}

/** Applies a partial update to a peer row (validated); returns the fields that really changed. Inside a transaction. */
export function applyPeerUpdate(ctx: ServiceContext, book: BookRow, row: PeerRow, input: PeerInput): string[] {
  const cols = columnsOf(input, book, row);
  const changed = Object.keys(cols).filter((k) => JSON.stringify(cols[k as keyof PeerRow]) !== JSON.stringify(row[k as keyof PeerRow]));
  if (!changed.length) return [];
  ensureTags(ctx, book, cols.tags ?? []);
  ctx.db.update(abPeers).set({ ...cols, updatedAt: ctx.now() }).where(eq(abPeers.id, row.id)).run();
  return changed;
}

export function findPeer(ctx: ServiceContext, book: BookRow, peerId: string): PeerRow | undefined {
  return ctx.db.select().from(abPeers).where(and(eq(abPeers.abId, book.id), eq(abPeers.peerId, peerId))).get();
}

/** Partial update: only the fields sent change (`hash: ""` forgets a remembered password). */
export function updatePeer(ctx: ServiceContext, guid: string, input: PeerInput): void {
  const peerId = checkPeerId(input.id);
  withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    const row = findPeer(tx, book, peerId);
    if (!row) throw notFound(`${peerId} is not in this address book`);
    // The client syncs recent sessions every 3 s (client: flutter/lib/models/ab_model.dart:86-93 (rustdesk@7423dced)):
    // writes (and audit rows) only for real changes.
    const changed = applyPeerUpdate(tx, book, row, input);
    if (!changed.length) return;
    touchBook(tx, book);
    emitAudit(tx, "ab_peer.update", target(book), { peer: peerId, changed });
  });
}

/** Deletes the peers with these IDs (others are ignored); returns the IDs deleted. */
export function deletePeers(ctx: ServiceContext, guid: string, ids: string[]): string[] {
  return withTransaction(ctx, (tx) => {
    const book = requireBook(tx, guid, WRITE);
    const gone = tx.db.delete(abPeers).where(and(eq(abPeers.abId, book.id), inArray(abPeers.peerId, ids))).returning({ id: abPeers.peerId }).all();
    if (!gone.length) return [];
    touchBook(tx, book);
    emitAudit(tx, "ab_peer.delete", target(book), { peers: gone.map((g) => g.id) });
    return gone.map((g) => g.id);
  });
}
