// The dashboard stays fast at 100,000 devices because every statement it runs reads an index, except the one
// pass over the narrow presence table (no index on last_seen_at by design: src/db/schema.ts) and small tables.
// Each statement's plan is checked here, so a schema change that drops an index the dashboard needs fails.
import { afterAll, expect, test } from "bun:test";
import type { Database } from "bun:sqlite";
import { drizzle } from "drizzle-orm/bun-sqlite";
import type { ServiceContext } from "../../src/core/context.ts";
import { sampleOnline } from "../../src/dashboard/online.ts";
import { dashboardStats } from "../../src/dashboard/stats.ts";
import { timeline } from "../../src/dashboard/timeline.ts";
import * as schema from "../../src/db/schema.ts";
import { testEnv } from "../helpers/env.ts";

const env = testEnv();
afterAll(() => env.close());

/** The ServiceContext over a client that records every SQL text prepared through it. */
function recording(): { ctx: ServiceContext; seen: Set<string> } {
  const seen = new Set<string>();
  const client = new Proxy(env.sqlite, {
    get(target, prop) {
      if (prop === "prepare" || prop === "query") return (q: string) => (seen.add(q), target.prepare(q));
      const v = Reflect.get(target, prop);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { ctx: { ...env.ctx, db: drizzle({ client: client as Database, schema }) }, seen };
}

const plan = (q: string) => (env.sqlite.query(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail);
/** Full scans allowed: presence (one pass), tables of a few rows per person or strategy. */
const ALLOWED_SCAN = /^SCAN (device_presence|p|strategies|users|user_totp|device_groups)\b|^SCAN devices USING COVERING INDEX|^USE TEMP B-TREE/;

test("stats, a sample and the timeline: index searches, one pass over presence", () => {
  env.sqlite.run("INSERT INTO strategies (guid, name, is_default, created_at, updated_at) VALUES ('s', 'All', 1, 0, 0)");
  env.sqlite.run("INSERT INTO devices (guid, rd_id, uuid, created_at, updated_at) VALUES ('d', '100000001', 'u', 0, 0)");
  const { ctx, seen } = recording();
  dashboardStats(ctx, { heartbeatsPerSecond: 0 });
  sampleOnline(ctx);
  timeline(ctx, { since: 0, limit: 50 });
  expect(seen.size).toBeGreaterThan(10);
  const scans = [...seen].flatMap((q) => plan(q).filter((d) => d.startsWith("SCAN") && !ALLOWED_SCAN.test(d)).map((d) => `${d} ← ${q}`));
  expect(scans).toEqual([]);
  const searches = [...seen].flatMap(plan).join("\n");
  for (const index of ["devices_pending", "console_audit_action_time", "alarm_audit_created", "sessions_expires_at", "devices_strategy", "console_audit_created_at"]) expect(searches).toContain(index);
});
