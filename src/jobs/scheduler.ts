// Background jobs the server runs: retention and the query planner's statistics (PRAGMA optimize) hourly, the nonces of device audit posts every minute, the
// online-devices sample at each 5-minute slot (checked every minute, so slots stay aligned whenever the
// server started), the rate meters (heartbeats/s) every second, and a look every minute at whether a
// scheduled backup is due (src/backups/schedule.ts).
// Each skips a turn while its previous run is still going (they yield between batches).
import type { Database } from "bun:sqlite";
import { backupSchedule } from "../backups/schedule.ts";
import type { ServiceContext } from "../core/context.ts";
import type { RateMeter } from "../core/counters.ts";
import { sampleOnline } from "../dashboard/online.ts";
import type { RecordingStore } from "../recordings/store.ts";
import { hourlyRetention, purgeExpired } from "./retention.ts";

export interface Jobs {
  /** Stops the timers and waits for the runs in progress. */
  stop(): Promise<void>;
}

export function startJobs(sqlite: Database, ctx: ServiceContext, recordings: RecordingStore, meters: readonly RateMeter[] = []): Jobs {
  const running = new Map<string, Promise<unknown>>();
  const job = (name: string, work: () => Promise<unknown>) => () => {
    if (running.has(name)) return;
    running.set(name, work().catch((e) => ctx.log.error(`${name} job failed`, e)).finally(() => running.delete(name)));
  };
  const backups = backupSchedule(ctx);
  const timers = [
    setInterval(job("retention", () => hourlyRetention(sqlite, ctx, recordings)), 3_600_000),
    // SQLite's advice for a long-lived connection: statistics gathered when the database was young (one user)
    // otherwise stay, and misled plans at 100,000 devices (bench:console).
    setInterval(job("optimize", async () => sqlite.run("PRAGMA optimize")), 3_600_000),
    setInterval(job("nonces", () => purgeExpired(sqlite, ctx.config, Date.now(), ["audit_nonces"])), 60_000),
    setInterval(job("online-samples", async () => sampleOnline(ctx)), 60_000),
    setInterval(() => {
      for (const m of meters) m.sample(Date.now());
    }, 1000),
    setInterval(job("backup", () => backups.tick()), 60_000),
  ];
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
