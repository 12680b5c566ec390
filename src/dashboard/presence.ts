// Device counts from presence, in one pass over device_presence. That table is narrow (~100 rows a page) and
// deliberately has no index on last_seen_at (a flush would rewrite it: src/db/schema.ts), so "online" is one
// scan of ~1,000 pages at 100,000 devices; every other count here rides along in the same pass.
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { devicePresence as p } from "../db/schema.ts";

const DAY = 86_400_000;

export interface PresenceCounts {
  online: number;
  /** Not heard from in 30 days, or never (as `device list --offline-days 30`). */
  offline30d: number;
  /** Remote connections the online devices report right now (heartbeat `conns`). */
  liveSessions: number;
}

export function presenceCounts(ctx: ServiceContext): PresenceCounts {
  const now = ctx.now();
  const onlineSince = now - ctx.config.devices.offline_after_seconds * 1000;
  const r = ctx.db
    .select({
      online: sql<number | null>`sum(${p.lastSeenAt} >= ${onlineSince})`,
      offline: sql<number | null>`sum(${p.lastSeenAt} is null or ${p.lastSeenAt} < ${now - 30 * DAY})`,
      // '[]' is what an idle device stores: json_array_length runs only for the few with connections.
      live: sql<number | null>`sum(case when ${p.lastSeenAt} >= ${onlineSince} and ${p.conns} <> '[]' then json_array_length(${p.conns}) end)`,
    })
    .from(p)
    .get()!;
  return { online: r.online ?? 0, offline30d: r.offline ?? 0, liveSessions: r.live ?? 0 };
}
