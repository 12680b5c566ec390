// Scheduled backups (backup.interval, backup.keep): each tick takes one when the newest archive in the backup
// dir is an interval old — counted from the archives, so a restart never postpones one — then deletes the
// oldest past `keep`. A failure is logged, counted (backupCounters, for the metrics) and notified as
// backup.failed, then retried after min(interval, 1 h) rather than at every tick.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { publish } from "../notify/events.ts";
import { createBackup } from "./create.ts";
import { archiveNames } from "./list.ts";
import { backupDir } from "./manifest.ts";

/** Process-wide counts of scheduled backups, read by the metrics. */
export const backupCounters = { succeeded: 0, failed: 0, lastSuccessAt: 0, lastFailureAt: 0 };

const RETRY_CAP_MS = 3_600_000;

/** When the archive `name` was taken (its name says, in UTC). */
export function archiveTime(name: string): number {
  const m = /^rdconsole-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z/.exec(name);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +(m[7] ?? 0)) : 0;
}

/** Deletes the oldest archives past `keep` (0 = keep all); returns their names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = archiveNames(dir);
  if (keep === 0 || names.length <= keep) return [];
  const gone = names.slice(0, names.length - keep);
  for (const name of gone) rmSync(join(dir, name), { force: true });
  return gone;
}

export type TickResult = "off" | "not-due" | "busy" | "taken" | "failed";

export function backupSchedule(ctx: ServiceContext) {
  let failedAt = -Infinity;
  return {
    async tick(): Promise<TickResult> {
      const { interval, keep, with_recordings } = ctx.config.backup;
      if (interval === 0) return "off";
      const now = ctx.now();
      const dir = backupDir(ctx.config);
      const newest = archiveNames(dir).map(archiveTime).reduce((a, b) => Math.max(a, b), -Infinity);
      if (now - newest < interval || now - failedAt < Math.min(interval, RETRY_CAP_MS)) return "not-due";
      try {
        const made = await createBackup(ctx, { withRecordings: with_recordings });
        backupCounters.succeeded++;
        backupCounters.lastSuccessAt = now;
        failedAt = -Infinity;
        const pruned = pruneBackups(dir, keep);
        ctx.log.info(`scheduled backup written to ${made.file} (${made.size} bytes)${pruned.length ? `; deleted ${pruned.length} older one(s)` : ""}`);
        return "taken";
      } catch (e) {
        if (e instanceof ServiceError && e.code === "CONFLICT" && /already being made/.test(e.message)) return "busy";
        failedAt = now;
        backupCounters.failed++;
        backupCounters.lastFailureAt = now;
        const error = e instanceof Error ? e.message : String(e);
        ctx.log.error(`scheduled backup failed: ${error}`);
        publish(ctx, { kind: "backup.failed", title: "Scheduled backup failed", data: { error, dir } });
        return "failed";
      }
    },
  };
}
