// Opens the SQLite file with the pragmas every connection needs, then migrates.
import { Database } from "bun:sqlite";
import { chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { drizzle, type BunSQLiteDatabase } from "drizzle-orm/bun-sqlite";
import { migrate } from "./migrate.ts";
import { cachedClient } from "./statement-cache.ts";
import * as schema from "./schema.ts";

export type Db = BunSQLiteDatabase<typeof schema>;

export interface OpenDb {
  readonly db: Db;
  readonly sqlite: Database;
  close(): void;
}

export const DB_FILE = "rdconsole.db";

export function openDb(dataDir: string, file = DB_FILE, mmapSize = 0): OpenDb {
  const path = join(dataDir, file);
  const created = !existsSync(path);
  const sqlite = new Database(path, { create: true, strict: true });
  if (created) chmodSync(path, 0o600);
  // busy_timeout first, so the pragmas below already wait for a concurrent writer (CLI vs server).
  sqlite.run("PRAGMA busy_timeout = 5000");
  sqlite.run("PRAGMA journal_mode = WAL");
  sqlite.run("PRAGMA synchronous = NORMAL");
  // Off by default (data.mmap_size): heartbeats read devices from memory (src/devices/known.ts),
  // and at 64 MiB the fleet benchmark showed ~60 MB more RSS for no latency gain.
  sqlite.run(`PRAGMA mmap_size = ${Math.floor(mmapSize)}`);
  try {
    migrate(sqlite);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  // drizzle only calls prepare, exec and transaction on its client (drizzle-orm/bun-sqlite/session.js).
  const client = cachedClient(sqlite);
  const db = drizzle({ client: client as unknown as Database, schema });
  return {
    db,
    sqlite,
    close() {
      sqlite.run("PRAGMA optimize");
      client.clear();
      sqlite.close();
    },
  };
}
