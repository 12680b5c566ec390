// Retention: audit rows older than their type's `audit.*_days` are deleted in batches of BATCH rows,
// yielding to requests between batches, so a first purge of a large backlog never blocks heartbeats.
// Nonces (de-duplication of device posts) live 10 minutes; the client retries for at most 2.
import type { Database } from "bun:sqlite";
import type { Config } from "../config/schema.ts";

const BATCH = 1000;
const DAY = 86_400_000;
export const NONCE_TTL_MS = 600_000;

/** Each table with its time column and its retention in days (0 = forever). */
const tables = (c: Config) =>
  [
    ["conn_audit", "opened_at", c.audit.conn_days * DAY],
    ["file_audit", "created_at", c.audit.file_days * DAY],
    ["alarm_audit", "created_at", c.audit.alarm_days * DAY],
    ["console_audit", "created_at", c.audit.console_days * DAY],
    ["audit_nonces", "created_at", NONCE_TTL_MS],
  ] as const;

/** Deletes what has expired at `now`; returns how many rows. `only`: just these tables (the nonces, every minute). */
export async function purgeExpired(sqlite: Database, config: Config, now: number, only?: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const [table, column, keepMs] of tables(config)) {
    if (keepMs === 0 || (only && !only.includes(table))) continue;
    const del = sqlite.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${column} < ? LIMIT ${BATCH})`);
    for (;;) {
      const n = del.run(now - keepMs).changes;
      deleted += n;
      if (n < BATCH) break;
      await new Promise((r) => setImmediate(r));
    }
  }
  return deleted;
}
