// The database snapshot: VACUUM INTO from a separate read-only connection, in a worker thread. The read
// transaction VACUUM INTO holds sees the database as it was when it began (WAL: writers go on meanwhile),
// and the worker keeps the server's event loop free for heartbeats while a large database is copied.
// Never a file copy: a live WAL database is the main file plus a WAL that a copy would tear apart.
import { Database } from "bun:sqlite";
import { MIGRATIONS_TABLE } from "../db/migrate.ts";

// Plain JavaScript from a Blob URL: nothing for `bun build --compile` to miss as a second entry point.
const WORKER = `
import { Database } from "bun:sqlite";
self.onmessage = ({ data }) => {
  try {
    const db = new Database(data.source, { readonly: true });
    try {
      db.run("PRAGMA busy_timeout = 10000");
      // The copy is a scratch file, read straight into the archive (which is synced): no fsyncs of it.
      db.run("PRAGMA synchronous = OFF");
      db.run("VACUUM INTO ?", [data.target]);
    } finally {
      db.close();
    }
    postMessage({ ok: true });
  } catch (e) {
    postMessage({ ok: false, error: String(e && e.message || e) });
  }
};`;

let workerUrl: string | undefined;

/** Copies the database at `source` into the new file `target`, consistent as of the moment it starts. */
export function snapshotDatabase(source: string, target: string): Promise<void> {
  workerUrl ??= URL.createObjectURL(new Blob([WORKER], { type: "text/javascript" }));
  const worker = new Worker(workerUrl);
  return new Promise<void>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<{ ok: boolean; error?: string }>) => {
      void worker.terminate();
      if (data.ok) resolve();
      else reject(new Error(`database snapshot failed: ${data.error}`));
    };
    worker.onerror = (e) => {
      void worker.terminate();
      reject(new Error(`database snapshot failed: ${e.message}`));
    };
    worker.postMessage({ source, target });
  });
}

/** The migrations applied to a database file, oldest first (none for a file without the table). */
export function appliedMigrations(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const has = db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
    if (!has) return [];
    return db.query<{ tag: string }, []>(`SELECT tag FROM ${MIGRATIONS_TABLE} ORDER BY tag`).all().map((r) => r.tag);
  } finally {
    db.close();
  }
}

/** SQLite's own check of a database file: "ok", or the first problems it found. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.query<{ integrity_check: string }, []>("PRAGMA integrity_check").all();
    return rows.map((r) => r.integrity_check).slice(0, 10).join("; ");
  } finally {
    db.close();
  }
}
