// The CLI's doctor checks what the server runs with: the config file, and the console settings saved in the
// database over it (src/config/layers.ts), read without migrating or writing anything.
import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createLiveConfig } from "../config/live.ts";
import type { LoadedConfig } from "../config/load.ts";
import type { Config } from "../config/schema.ts";
import { DB_FILE } from "../db/client.ts";

export function withStoredSettings(loaded: LoadedConfig): { config: Config; setAside: string[] } {
  const path = join(loaded.config.data.dir, DB_FILE);
  if (!existsSync(path)) return { config: loaded.config, setAside: [] };
  let rows: { key: string; value: string }[];
  try {
    const db = new Database(path, { readonly: true });
    try {
      rows = db.query<{ key: string; value: string }, []>("SELECT key, value FROM console_settings").all();
    } finally {
      db.close();
    }
  } catch {
    return { config: loaded.config, setAside: [] }; // no readable settings table: the database checks say why
  }
  const live = createLiveConfig(loaded, Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])));
  return { config: live.config, setAside: live.startProblems };
}
