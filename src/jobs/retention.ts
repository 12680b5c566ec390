// Retention: audit rows older than their type's `audit.*_days` are deleted in batches of BATCH rows,
// yielding to requests between batches, so a first purge of a large backlog never blocks heartbeats.
// Nonces (de-duplication of device posts) live 10 minutes; the client retries for at most 2
// (client: src/server/connection.rs:1535 (rustdesk@7423dced)).
import type { Database } from "bun:sqlite";
import type { Config } from "../config/schema.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { purgeRecordings } from "../recordings/service.ts";
import type { RecordingStore } from "../recordings/store.ts";
import { emitAudit } from "../core/audit.ts";

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
    // Invitations a day past their expiry (the page still says "expired" meanwhile), used or not.
    ["user_invites", "expires_at", DAY],
  ] as const;

/** Deletes what has expired at `now`; returns how many rows. `only`: just these tables (the nonces, every minute). */
export async function purgeExpired(sqlite: Database, config: Config, now: number, only?: readonly string[]): Promise<number> {
  return Object.values(await purgeExpiredByTable(sqlite, config, now, only)).reduce((a, b) => a + b, 0);
}

/** As purgeExpired, by table (those with deletions only). */
export async function purgeExpiredByTable(sqlite: Database, config: Config, now: number, only?: readonly string[]): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const [table, column, keepMs] of tables(config)) {
    if (keepMs === 0 || (only && !only.includes(table))) continue;
    const del = sqlite.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${column} < ? LIMIT ${BATCH})`);
    for (;;) {
      const n = del.run(now - keepMs).changes;
      if (n) deleted[table] = (deleted[table] ?? 0) + n;
      if (n < BATCH) break;
      await new Promise((r) => setImmediate(r));
    }
  }
  return deleted;
}

/** The hourly run: every log past its retention, then recordings; what went is itself a console-audit row. */
export async function hourlyRetention(sqlite: Database, ctx: ServiceContext, store: RecordingStore): Promise<Record<string, number>> {
  const purged = await purgeExpiredByTable(sqlite, ctx.config, ctx.now());
  delete purged.audit_nonces; // housekeeping, not evidence
  delete purged.user_invites;
  const recordings = await purgeRecordings(ctx, store);
  if (recordings) purged.recordings = recordings;
  if (Object.keys(purged).length) withTransaction(ctx, (tx) => emitAudit(tx, "retention.purge", { type: "retention", name: "hourly" }, purged));
  return purged;
}
