// Export and import of a book: lossless JSON, or CSV of id,alias,tags,note (tags joined by ";").
// An import merges: new peers are added, existing ones get the fields the file has.
import { and, eq } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { abTags } from "../db/schema.ts";
import { invalid } from "../core/errors.ts";
import { touchBook, type BookRow } from "./access.ts";
import { applyPeerUpdate, checkNewPeer, findPeer, insertPeers, peerPayload, peersOf, type PeerInput } from "./peers.ts";
import { checkTagName, ensureTags, MAX_COLOR, tagsOf } from "./tags.ts";

export interface BookExport {
  name: string;
  personal: boolean;
  note: string;
  tags: { name: string; color: number }[];
  peers: Record<string, unknown>[];
}

export function exportBook(ctx: ServiceContext, book: BookRow): BookExport {
  return { name: book.name, personal: book.personal, note: book.note, tags: tagsOf(ctx, book), peers: peersOf(ctx, book).map((p) => peerPayload(p, book.personal)) };
}

const CSV_HEADER = ["id", "alias", "tags", "note"];

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function exportCsv(ctx: ServiceContext, book: BookRow): string {
  const rows = peersOf(ctx, book).map((p) => [p.peerId, p.alias, p.tags.join(";"), p.note].map(csvField).join(","));
  return `${[CSV_HEADER.join(","), ...rows].join("\n")}\n`;
}

/** RFC 4180 rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f !== "")) rows.push(row);
      (row = []), (field = "");
    } else field += c;
  }
  if (quoted) throw invalid("CSV: a quoted field is not closed");
  row.push(field);
  if (row.some((f) => f !== "")) rows.push(row);
  return rows;
}

function fromCsv(text: string): Parsed {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.map((h) => h.trim().toLowerCase()).join(",") !== CSV_HEADER.join(",")) throw invalid(`CSV: the first line must be ${CSV_HEADER.join(",")}`);
  // An empty cell leaves the field as it is (the CSV cannot tell "clear" from "not given").
  const peers = rows.map(([id = "", alias = "", tags = "", note = ""]) => ({
    id: id.trim(),
    ...(alias ? { alias } : {}),
    ...(note ? { note } : {}),
    ...(tags ? { tags: tags.split(";").map((t) => t.trim()).filter(Boolean) } : {}),
  }));
  return { tags: [], peers };
}

type Parsed = { tags: { name: string; color?: number }[]; peers: PeerInput[] };

function fromJson(text: string): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw invalid("not valid JSON");
  }
  return fromDocument(doc);
}

/** An export document (ab export --json, GET …/export), already parsed. */
function fromDocument(doc: unknown): Parsed {
  const d = doc as Partial<BookExport> | null;
  if (!d || typeof d !== "object" || !Array.isArray(d.peers)) throw invalid('JSON: expected an object with a "peers" list (as written by ab export --json)');
  const tags = Array.isArray(d.tags) ? d.tags : [];
  for (const t of tags) if (!t || typeof t !== "object" || typeof t.name !== "string") throw invalid("JSON: every tag needs a name");
  for (const p of d.peers) if (!p || typeof p !== "object" || Array.isArray(p) || typeof (p as { id?: unknown }).id !== "string") throw invalid("JSON: every peer needs a string id");
  return { tags, peers: d.peers as unknown as PeerInput[] };
}

/** Merges a file's text (JSON of ab export --json, or CSV) or an export document into the book. */
export function importBook(ctx: ServiceContext, book: BookRow, input: string | object): { added: number; updated: number } {
  const doc = typeof input !== "string" ? fromDocument(input) : input.trimStart().startsWith("{") ? fromJson(input) : fromCsv(input);
  return withTransaction(ctx, (tx) => {
    for (const t of doc.tags) {
      ensureTags(tx, book, [checkTagName(t.name)]);
      if (Number.isInteger(t.color) && t.color! >= 0 && t.color! <= MAX_COLOR) tx.db.update(abTags).set({ color: t.color! }).where(and(eq(abTags.abId, book.id), eq(abTags.name, t.name))).run();
    }
    let updated = 0;
    const fresh = new Map<string, PeerInput>();
    doc.peers.forEach((p, i) => {
      try {
        const existing = findPeer(tx, book, p.id);
        if (!existing) {
          checkNewPeer(p, book);
          fresh.set(p.id, p);
        }
        else if (applyPeerUpdate(tx, book, existing, p).length) updated++;
      } catch (e) {
        throw invalid(`peer ${i + 1} (${String(p.id).slice(0, 40)}): ${(e as Error).message}`);
      }
    });
    insertPeers(tx, book, [...fresh.values()]);
    const added = fresh.size;
    touchBook(tx, book);
    emitAudit(tx, "ab.import", { type: "address_book", guid: book.guid, name: book.name || "personal" }, { added, updated });
    return { added, updated };
  });
}
