// The console's device and session pages and the dashboard's rollout count stay fast at 100,000 devices even when SQLite's
// statistics are stale: gathered (PRAGMA optimize) when there was one user, read with hundreds. With such
// statistics a LEFT JOIN of users was planned as a scan of users for every device (bench:console: 7 s for
// one page); owner and group now come from subqueries on the row id, which have no other plan.
import { afterAll, expect, test } from "bun:test";
import type { Database } from "bun:sqlite";
import { drizzle } from "drizzle-orm/bun-sqlite";
import type { ServiceContext } from "../../src/core/context.ts";
import { rolloutCounts } from "../../src/dashboard/rollout.ts";
import * as schema from "../../src/db/schema.ts";
import { liveSessions } from "../../src/devices/live-sessions.ts";
import { pageDevices } from "../../src/devices/page.ts";
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

test("device pages, live sessions and rollout counts look owners and groups up by row id, whatever the statistics say", () => {
  const s = env.sqlite;
  s.run("INSERT INTO strategies (guid, name, created_at, updated_at) VALUES ('s', 'Team', 0, 0)");
  s.run("INSERT INTO users (guid, name, strategy_id, created_at, updated_at) VALUES ('u', 'owner', 1, 0, 0)");
  s.run("INSERT INTO device_groups (guid, name, strategy_id, created_at, updated_at) VALUES ('g', 'group', 1, 0, 0)");
  s.run("INSERT INTO devices (guid, rd_id, uuid, owner_id, group_id, created_at, updated_at) VALUES ('d', '100000001', 'u', 1, 1, 0, 0)");
  s.run(`UPDATE device_presence SET last_seen_at = ${env.ctx.now()}, conns = '[7]'`);
  // The statistics bench:console's database had: 100,000 devices, users and groups counted when there was one.
  s.run("ANALYZE");
  s.run("DELETE FROM sqlite_stat1 WHERE tbl IN ('devices', 'users', 'device_groups')");
  const stat = s.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)");
  for (const idx of ["devices_owner", "devices_group"]) stat.run("devices", idx, "100000 1725");
  for (const idx of ["devices_rd_id_unique", "devices_guid_unique"]) stat.run("devices", idx, "100000 1");
  for (const idx of ["users_name_nocase", "users_guid_unique"]) stat.run("users", idx, "1 1");
  for (const idx of ["device_groups_name_nocase", "device_groups_guid_unique"]) stat.run("device_groups", idx, "1 1");
  s.run("ANALYZE sqlite_schema"); // reloads the statistics

  const { ctx, seen } = recording();
  for (const sort of ["id", "last_online", "owner", "group"] as const) {
    const page = pageDevices(ctx, { search: "0001" }, { offset: 0, limit: 50, sort, desc: true });
    expect(page.rows.map((d) => [d.id, d.owner, d.group])).toEqual([["100000001", "owner", "group"]]);
  }
  // The unfiltered count reads the devices index alone; an online filter scans the narrow presence table first.
  seen.clear();
  pageDevices(ctx, {}, { offset: 0, limit: 50 });
  pageDevices(ctx, { online: true }, { offset: 0, limit: 50 });
  const counts = [...seen].filter((q) => q.startsWith("select count(*)")).map(plan);
  expect(counts).toHaveLength(2);
  expect(counts[0]).toEqual([expect.stringMatching(/^SCAN devices USING COVERING INDEX \w+$/)]);
  expect(counts[1]).toEqual(["SCAN device_presence", "SEARCH devices USING INTEGER PRIMARY KEY (rowid=?)"]);
  expect(rolloutCounts(ctx)).toEqual({ applied: 0, pending: 1, offline: 0 });
  expect(liveSessions(ctx).map((l) => [l.id, l.user, l.device_group])).toEqual([["100000001:7", "owner", "group"]]);
  // Statements over devices only: counting users or groups with a strategy is one pass over a small table.
  const overDevices = [...seen].filter((q) => /from "devices"|devices d\b/.test(q));
  expect(overDevices.length).toBeGreaterThan(4);
  const scans = overDevices.flatMap((q) => plan(q).filter((d) => /^SCAN (users|u|device_groups|g)\b/.test(d)).map((d) => `${d} ← ${q}`));
  expect(scans).toEqual([]);
});
