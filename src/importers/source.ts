// What an importer reads from another server, in rdconsole's terms, and the read-only access to its SQLite file.
import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import { invalid } from "../core/errors.ts";
import type { PeerInput } from "../addressbook/peers.ts";

export type Server = "lejianwen" | "kingmo888";

/** Source rows are referred to by their own ids ("key"), kept as strings. */
export interface SourceUser {
  key: string;
  name: string;
  email: string;
  displayName: string;
  passwordHash: string;
  isAdmin: boolean;
  disabled: boolean;
  group?: string;
}

export interface SourceBook {
  /** "personal": the owner's own book; "shared": a named book with rules. */
  personal: boolean;
  owner: string;
  name: string;
  tags: { name: string; color?: number }[];
  peers: PeerInput[];
  rules: { user?: string; group?: string; rule: number }[];
}

export interface SourceDevice {
  rdId: string;
  uuid: string;
  owner?: string;
  group?: string;
  alias: string;
  sysinfo: Record<string, string>;
}

export interface Skip {
  kind: string;
  name: string;
  reason: string;
}

export interface Snapshot {
  server: Server;
  users: SourceUser[];
  groups: { key: string; name: string }[];
  deviceGroups: { key: string; name: string }[];
  books: SourceBook[];
  devices: SourceDevice[];
  /** What the reader already knows it cannot take (dangling references). */
  skipped: Skip[];
}

export type Row = Record<string, unknown>;

/** Opens the file read-only; a missing file or one that is not SQLite is a clear error, not a stack trace. */
export function openSource(file: string): Database {
  if (!existsSync(file)) throw invalid(`${file}: no such file`);
  try {
    const db = new Database(file, { readonly: true });
    db.query("select count(*) from sqlite_master").get();
    return db;
  } catch (e) {
    throw invalid(`${file}: not a readable SQLite database (${(e as Error).message})`);
  }
}

export function columnsOf(db: Database, table: string): Set<string> {
  return new Set(db.query<{ name: string }, []>(`select name from pragma_table_info('${table.replaceAll("'", "''")}')`).all().map((c) => c.name));
}

/** Refuses a file that lacks the tables (and their key columns) of the server it is said to come from. */
export function requireSchema(db: Database, file: string, server: Server, wanted: Record<string, string[]>): void {
  for (const [table, cols] of Object.entries(wanted)) {
    const have = columnsOf(db, table);
    const missing = cols.filter((c) => !have.has(c));
    if (!have.size || missing.length)
      throw invalid(`${file} is not a ${server} database: table "${table}" ${have.size ? `lacks ${missing.join(", ")}` : "is missing"}`);
  }
}

/** Every row of a table with the columns that exist among `wanted` (older releases lack some); [] without the table. */
export function readTable(db: Database, table: string, wanted: string[]): Row[] {
  const have = columnsOf(db, table);
  const cols = wanted.filter((c) => have.has(c));
  if (!cols.length) return [];
  return db.query<Row, []>(`select ${cols.map((c) => `"${c}"`).join(", ")} from "${table}"`).all();
}

export const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
export const truthy = (v: unknown): boolean => v === 1 || v === true || v === "1" || v === "true";

/** A tag colour as the client keeps it (32-bit ARGB), or undefined when the source has none usable. */
export function colour(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : v === null || v === undefined || v === "" ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : undefined;
}
