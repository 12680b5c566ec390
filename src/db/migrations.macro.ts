// Bun macro: runs at bundle time and inlines every migration, so the compiled binary
// carries them (drizzle's migrate() would look for a migrations/ folder next to it).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface EmbeddedMigration {
  tag: string;
  when: number;
  sql: string;
}

export function embeddedMigrations(): EmbeddedMigration[] {
  const dir = join(import.meta.dir, "..", "..", "migrations");
  const journal = JSON.parse(readFileSync(join(dir, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number; tag: string; when: number }[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({ tag: e.tag, when: e.when, sql: readFileSync(join(dir, `${e.tag}.sql`), "utf8") }));
}
