// What the metrics read, from the process that runs the server (wired by src/server.ts).
import type { Database } from "bun:sqlite";
import type { Config } from "../config/schema.ts";
import type { Counters } from "../core/counters.ts";
import type { Db } from "../db/client.ts";
import type { Logger } from "../core/log.ts";
import type { EventHub } from "../events/hub.ts";
import type { NotifierStats } from "../notify/notifier.ts";

export interface MetricsSources {
  readonly config: Config;
  readonly db: Db;
  readonly sqlite: Database;
  readonly log: Logger;
  readonly now: () => number;
  readonly startedAt: number;
  /** The device endpoints' counters (heartbeats, audit posts, registrations refused, strategy deliveries). */
  readonly counters: Counters;
  readonly events: EventHub;
  /** The notifier's numbers; read at scrape time, so it may be wired after the metrics are built. */
  readonly notifications?: () => NotifierStats;
}
