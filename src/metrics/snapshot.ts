// Everything one scrape reports that is not a histogram, read once per scrape: the in-memory counters, a few
// indexed counts, the console-audit tally, file sizes and process figures. Nothing here runs between scrapes.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { systemActor } from "../core/context.ts";
import { countersSnapshot } from "../core/counters.ts";
import { presenceCounts } from "../dashboard/presence.ts";
import { databaseFiles } from "../db/storage.ts";
import { auditTally, type Tally } from "./audit-tally.ts";
import type { MetricsSources } from "./sources.ts";

export interface Snapshot {
  counters: ReturnType<typeof countersSnapshot>;
  tally: Tally;
  devices: { registered: number; pending: number; online: number };
  bansActive: number;
  sseClients: number;
  notifications: { delivered: number; failed: number; dropped: number; pending: number } | null;
  database: { size: number; wal: number };
  memory: { rss: number; heapUsed: number };
  /** Event-loop delay since the previous scrape, seconds. */
  lag: { p50: number; p99: number; max: number };
  uptime: number;
}

export function snapshotReader(src: MetricsSources) {
  const tally = auditTally(src.sqlite);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const counts = src.sqlite.query<{ registered: number; pending: number | null }, []>("SELECT count(*) AS registered, sum(pending) AS pending FROM devices");
  const bans = src.sqlite.query<{ n: number }, [number]>("SELECT count(*) AS n FROM bans WHERE expires_at IS NULL OR expires_at > ?");
  const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
  return {
    read(): Snapshot {
      const now = src.now();
      const d = counts.get()!;
      const online = presenceCounts({ db: src.db, config: src.config, log: src.log, actor: systemActor, now: src.now }).online;
      const files = databaseFiles(src.config.data.dir);
      const mem = process.memoryUsage();
      const snap: Snapshot = {
        counters: countersSnapshot(src.counters),
        tally: tally(now),
        devices: { registered: d.registered, pending: d.pending ?? 0, online },
        bansActive: bans.get(now)!.n,
        sseClients: [...src.events.openStreams().values()].reduce((a, b) => a + b, 0),
        notifications: src.notifications?.() ?? null,
        database: { size: files.size, wal: files.wal },
        memory: { rss: mem.rss, heapUsed: mem.heapUsed },
        lag: { p50: seconds(lag.percentile(50)), p99: seconds(lag.percentile(99)), max: seconds(lag.max) },
        uptime: Math.max(0, (now - src.startedAt) / 1000),
      };
      lag.reset();
      return snap;
    },
    stop: () => lag.disable(),
  };
}
