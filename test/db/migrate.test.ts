import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DB_FILE, openDb } from "../../src/db/client.ts";
import { DatabaseVersionError, migrate } from "../../src/db/migrate.ts";
import { embeddedMigrations } from "../../src/db/migrations.macro.ts";
import { tempDir } from "../helpers/env.ts";

const GOLDEN = join(import.meta.dir, "..", "golden", "schema.sql");

/** The schema as SQLite reports it, in a stable order. */
function schemaOf(sqlite: Database): string {
  const rows = sqlite
    .query<{ sql: string }, []>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name")
    .all();
  return `${rows.map((r) => `${r.sql};`).join("\n\n")}\n`;
}

describe("migrations", () => {
  test("an empty database migrates to head and the schema matches the committed golden", () => {
    const { sqlite, close } = openDb(tempDir());
    const tags = sqlite.query<{ tag: string }, []>("SELECT tag FROM __rdconsole_migrations ORDER BY tag").all().map((r) => r.tag);
    expect(tags).toEqual(embeddedMigrations().map((m) => m.tag));
    const schema = schemaOf(sqlite);
    close();
    // UPDATE_GOLDEN=1 bun test test/db rewrites the golden after a reviewed migration.
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, schema);
    expect(existsSync(GOLDEN)).toBe(true);
    expect(schema).toBe(readFileSync(GOLDEN, "utf8"));
  });

  test("re-opening applies nothing and keeps data", () => {
    const dir = tempDir();
    const first = openDb(dir);
    first.sqlite.run("INSERT INTO users (guid, name, created_at, updated_at) VALUES ('g', 'kept', 1, 1)");
    first.close();
    const again = new Database(join(dir, DB_FILE));
    expect(migrate(again).applied).toEqual([]);
    expect(again.query("SELECT name FROM users").all()).toEqual([{ name: "kept" }]);
    again.close();
  });

  test("a database stamped by a newer version is refused, untouched", () => {
    const dir = tempDir();
    openDb(dir).close();
    const raw = new Database(join(dir, DB_FILE));
    raw.run("INSERT INTO __rdconsole_migrations (tag, hash, applied_at) VALUES ('9999_from-the-future', 'x', 1)");
    raw.close();
    const before = statSync(join(dir, DB_FILE)).mtimeMs;
    expect(() => openDb(dir)).toThrow(DatabaseVersionError);
    expect(() => openDb(dir)).toThrow(/written by a newer rdconsole.*9999_from-the-future/);
    expect(statSync(join(dir, DB_FILE)).mtimeMs).toBe(before);
  });

  test("an applied migration that was edited afterwards is refused", () => {
    const sqlite = new Database(":memory:");
    migrate(sqlite, [{ tag: "0000_a", when: 1, sql: "CREATE TABLE a (x);" }]);
    expect(() => migrate(sqlite, [{ tag: "0000_a", when: 1, sql: "CREATE TABLE a (x, y);" }])).toThrow(/differs from the one applied/);
  });

  test("statements are split on drizzle-kit breakpoints and applied in one transaction", () => {
    const sqlite = new Database(":memory:");
    const bad = { tag: "0001_b", when: 2, sql: "CREATE TABLE b (x);\n--> statement-breakpoint\nINSERT INTO nope VALUES (1);" };
    expect(() => migrate(sqlite, [bad])).toThrow(/no such table: nope/);
    expect(sqlite.query("SELECT name FROM sqlite_master WHERE name = 'b'").all()).toEqual([]);
  });

  test("foreign keys are on after migrating; WAL; the memory map is as configured", () => {
    const { sqlite, close } = openDb(tempDir());
    expect(sqlite.query("PRAGMA foreign_keys").get()).toEqual({ foreign_keys: 1 });
    expect(sqlite.query("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    expect(sqlite.query("PRAGMA mmap_size").get()).toEqual({ mmap_size: 0 });
    close();
    const on = openDb(tempDir(), undefined, 64 * 1024 * 1024);
    expect(on.sqlite.query("PRAGMA mmap_size").get()).toEqual({ mmap_size: 64 * 1024 * 1024 });
    on.close();
  });

  test("0006 moves presence to device_presence, keeping it, and gives new devices a presence row", () => {
    const sqlite = new Database(":memory:");
    const all = embeddedMigrations();
    const at = all.findIndex((m) => m.tag.startsWith("0006_"));
    migrate(sqlite, all.slice(0, at));
    sqlite.run("INSERT INTO devices (guid, rd_id, uuid, last_seen_at, last_ip, conns, created_at, updated_at) VALUES ('g1', '111', 'u', 5000, '10.0.0.9', '[4]', 1, 1), ('g2', '222', 'u', NULL, NULL, '[]', 1, 1)");
    migrate(sqlite, all);
    expect(sqlite.query("SELECT d.rd_id, p.last_seen_at, p.last_ip, p.conns FROM device_presence p JOIN devices d ON d.id = p.device_id ORDER BY d.rd_id").all()).toEqual([
      { rd_id: "111", last_seen_at: 5000, last_ip: "10.0.0.9", conns: "[4]" },
      { rd_id: "222", last_seen_at: null, last_ip: null, conns: "[]" },
    ]);
    sqlite.run("INSERT INTO devices (guid, rd_id, uuid, created_at, updated_at) VALUES ('g3', '333', 'u', 1, 1)");
    expect(sqlite.query("SELECT count(*) AS n FROM device_presence").get()).toEqual({ n: 3 });
    sqlite.run("PRAGMA foreign_keys = ON");
    sqlite.run("DELETE FROM devices WHERE rd_id = '111'");
    expect(sqlite.query("SELECT count(*) AS n FROM device_presence").get()).toEqual({ n: 2 });
  });
});
