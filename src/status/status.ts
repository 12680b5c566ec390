// The server's own state, after Drawpile's `GET /api/status/` (../shared/spec/seeds/004): when it started, where
// it listens, how big the database is, what the device endpoints handled, what the notifier still holds.
import type { Config } from "../config/schema.ts";
import { countersSnapshot, type Counters, type RateMeter } from "../core/counters.ts";
import { BUILD } from "../core/version.ts";
import { databaseFiles } from "../db/storage.ts";
import type { NotifierStats } from "../notify/notifier.ts";

/** What only the running process knows; the app wires it (src/app.ts). */
export interface StatusSources {
  readonly counters: Counters;
  readonly heartbeatRate: RateMeter;
  readonly startedAt: number;
  /** The notifier's numbers, when the server runs one (in-process tests do not). */
  readonly notifications?: () => NotifierStats;
}

export interface ServerStatus {
  version: string;
  commit: string;
  started_at: string;
  uptime_seconds: number;
  listen: { host: string; port: number };
  public_url: string | null;
  database: { path: string; size_bytes: number; wal_bytes: number };
  memory: { rss_bytes: number; heap_bytes: number };
  heartbeats: { handled: number; per_second: number };
  audit_posts: { accepted: number; refused: number };
  notifications: { pending: number; delivered: number; failed: number; dropped: number } | null;
}

/** `listen`: the bound address when the server listens (port 0 picks one), else the configured one. */
export function serverStatus(config: Config, src: StatusSources, now: number, listen?: { host: string; port: number }): ServerStatus {
  const db = databaseFiles(config.data.dir);
  const c = countersSnapshot(src.counters);
  const mem = process.memoryUsage();
  return {
    version: BUILD.version,
    commit: BUILD.commit,
    started_at: new Date(src.startedAt).toISOString(),
    uptime_seconds: Math.max(0, Math.floor((now - src.startedAt) / 1000)),
    listen: listen ?? { host: config.server.host, port: config.server.port },
    public_url: config.server.public_url || null,
    database: { path: db.path, size_bytes: db.size, wal_bytes: db.wal },
    memory: { rss_bytes: mem.rss, heap_bytes: mem.heapUsed },
    heartbeats: { handled: c.heartbeats, per_second: Math.round(src.heartbeatRate.perSecond(now) * 10) / 10 },
    audit_posts: { accepted: c.audit_posts_accepted, refused: c.audit_posts_refused },
    notifications: src.notifications ? src.notifications() : null,
  };
}
