// The database, opened read only (doctor never migrates or writes): integrity (quick_check), schema version
// against this binary's migrations, and the write-ahead log's size.
import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DB_FILE } from "../db/client.ts";
import { schemaState } from "../db/migrate.ts";
import { databaseFiles } from "../db/storage.ts";
import { errorText, fail, ok, skip, warn, type CheckResult } from "./check.ts";

export const WAL_WARN_BYTES = 128 * 1024 ** 2;
const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MiB`;

export function checkDatabase(dir: string, walWarn = WAL_WARN_BYTES): CheckResult[] {
  const path = join(dir, DB_FILE);
  if (!existsSync(path)) return ["integrity", "schema", "wal"].map((n) => skip(`database ${n}`, `no database yet at ${path}`, "rdconsole serve creates it"));
  let db: Database;
  try {
    db = new Database(path, { readonly: true });
    db.run("PRAGMA busy_timeout = 5000");
  } catch (e) {
    return [fail("database integrity", `cannot open ${path}: ${errorText(e)}`, "check its owner and mode (see data dir) or restore a backup")];
  }
  try {
    return [integrity(db, path), schema(db), wal(dir, walWarn)];
  } finally {
    db.close();
  }
}

function integrity(db: Database, path: string): CheckResult {
  const name = "database integrity";
  try {
    const rows = db.query<{ quick_check: string }, []>("PRAGMA quick_check(20)").all().map((r) => Object.values(r)[0] as string);
    if (rows.length === 1 && rows[0] === "ok") return ok(name, "quick_check: ok");
    return fail(name, `quick_check: ${rows.slice(0, 5).join("; ")}`, `stop the server and restore a backup, or recover: sqlite3 ${path} ".recover" | sqlite3 recovered.db`);
  } catch (e) {
    return fail(name, `quick_check failed: ${errorText(e)}`, `stop the server and restore a backup of ${path}`);
  }
}

function schema(db: Database): CheckResult {
  const name = "database schema";
  try {
    const s = schemaState(db);
    if (s.unknown.length) return fail(name, `written by a newer rdconsole (migrations unknown here: ${s.unknown.join(", ")})`, "upgrade rdconsole to the version that wrote this database (or newer)");
    if (s.pending.length) return warn(name, `${s.applied}/${s.known} migrations applied; ${s.pending.length} pending`, "restart the server: it applies them at start");
    return ok(name, `${s.applied}/${s.known} migrations applied`);
  } catch (e) {
    return fail(name, `cannot read the migrations table: ${errorText(e)}`, "restore a backup");
  }
}

function wal(dir: string, walWarn: number): CheckResult {
  const { wal: size } = databaseFiles(dir);
  if (size > walWarn) return warn("database wal", `write-ahead log is ${mib(size)} (warns past ${mib(walWarn)}): a long-lived reader keeps it from being checkpointed`, "find long-running readers (backups, sqlite3 shells) and end them, or restart the server");
  return ok("database wal", `write-ahead log ${mib(size)}`);
}
