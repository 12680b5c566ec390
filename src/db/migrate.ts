// Applies the embedded migrations in order and refuses databases this binary cannot own:
// one written by a newer rdconsole, or one whose applied migrations were edited afterwards.
import type { Database } from "bun:sqlite";
import { embeddedMigrations, type EmbeddedMigration } from "./migrations.macro.ts" with { type: "macro" };

export class DatabaseVersionError extends Error {}

const MIGRATIONS: EmbeddedMigration[] = embeddedMigrations();
const TABLE = "__rdconsole_migrations";

const hashOf = (sql: string) => new Bun.CryptoHasher("sha256").update(sql).digest("hex");
const statements = (sql: string) => sql.split("--> statement-breakpoint").map((s) => s.trim()).filter(Boolean);

export function migrate(sqlite: Database, migrations: readonly EmbeddedMigration[] = MIGRATIONS): { applied: string[] } {
  // drizzle-kit's table-rebuild migrations turn foreign keys off, a no-op inside a transaction:
  // keep them off while migrating, check the result, then turn them on (STACK.md).
  sqlite.run("PRAGMA foreign_keys = OFF");
  sqlite.run(`CREATE TABLE IF NOT EXISTS ${TABLE} (tag TEXT PRIMARY KEY, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const known = new Map(migrations.map((m) => [m.tag, m]));
  const appliedNow: string[] = [];

  const check = () => {
    const rows = sqlite.query<{ tag: string; hash: string }, []>(`SELECT tag, hash FROM ${TABLE}`).all();
    for (const row of rows) {
      const m = known.get(row.tag);
      if (!m)
        throw new DatabaseVersionError(
          `this database was written by a newer rdconsole (it has migration "${row.tag}", unknown to this version). Upgrade rdconsole, or restore a backup made with this version.`,
        );
      if (hashOf(m.sql) !== row.hash)
        throw new DatabaseVersionError(`migration "${row.tag}" differs from the one applied to this database; refusing to continue.`);
    }
    return new Set(rows.map((r) => r.tag));
  };

  check();
  for (const m of migrations) {
    // One IMMEDIATE transaction per migration; re-check inside it so a concurrent process
    // (server and CLI starting together) never applies the same migration twice.
    sqlite.transaction(() => {
      if (check().has(m.tag)) return;
      for (const stmt of statements(m.sql)) sqlite.run(stmt);
      sqlite.run(`INSERT INTO ${TABLE} (tag, hash, applied_at) VALUES (?, ?, ?)`, [m.tag, hashOf(m.sql), Date.now()]);
      appliedNow.push(m.tag);
    }).immediate();
  }

  const broken = sqlite.query("PRAGMA foreign_key_check").all();
  if (broken.length) throw new DatabaseVersionError(`foreign key check failed after migrating: ${JSON.stringify(broken.slice(0, 5))}`);
  sqlite.run("PRAGMA foreign_keys = ON");
  return { applied: appliedNow };
}

export interface SchemaState {
  /** Applied tags this binary does not know (a newer rdconsole wrote them). */
  unknown: string[];
  /** Tags this binary would apply (the next `serve` does). */
  pending: string[];
  applied: number;
  known: number;
}

/** What `doctor` reports, read only: never migrates. */
export function schemaState(sqlite: Database, migrations: readonly EmbeddedMigration[] = MIGRATIONS): SchemaState {
  const has = sqlite.query<{ n: number }, [string]>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE)!.n > 0;
  const applied = has ? sqlite.query<{ tag: string }, []>(`SELECT tag FROM ${TABLE}`).all().map((r) => r.tag) : [];
  const known = new Set(migrations.map((m) => m.tag));
  const done = new Set(applied);
  return {
    unknown: applied.filter((t) => !known.has(t)),
    pending: migrations.filter((m) => !done.has(m.tag)).map((m) => m.tag),
    applied: applied.length,
    known: migrations.length,
  };
}
