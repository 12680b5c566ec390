// The dashboard (/api/admin/dashboard/{stats,online,timeline}) and status (/api/admin/status): the token matrix
// (area admin, read), the overview's numbers against a seeded database, the strategy rollout against the
// per-device answer of `strategy status`, and the query refusals.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { deviceStrategies } from "../../src/strategies/rollout.ts";
import { stampOf } from "../../src/strategies/stamp.ts";
import { rolloutCounts } from "../../src/dashboard/rollout.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = env.ctx.now();
const ro = createToken(env.ctx, { name: "viewer", scopes: { admin: "r" } }).secret;
const other = createToken(env.ctx, { name: "ops", scopes: { devices: "rw", users: "rw", audit: "rw", strategies: "rw", groups: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { admin: "rw" } }).secret;
revokeToken(env.ctx, "gone");
const get = async (path: string) => {
  const r = await call(env.app, "GET", path, { headers: { authorization: `Bearer ${ro}` } });
  return [r.status, r.json()] as const;
};

const run = (q: string, ...params: (string | number | null)[]) => env.sqlite.prepare(q).run(...params);
/** A device row (its presence row comes from the trigger) seen `ago` ms before now (null: never). */
function device(rdId: string, ago: number | null, o: { conns?: number[]; pending?: boolean } = {}) {
  const id = Number(run("INSERT INTO devices (guid, rd_id, uuid, pending, created_at, updated_at) VALUES (?, ?, 'u', ?, ?, ?)", `g-${rdId}`, rdId, o.pending ? 1 : 0, now - 40 * DAY, now - 40 * DAY).lastInsertRowid);
  run("UPDATE device_presence SET last_seen_at = ?, conns = ? WHERE device_id = ?", ago === null ? null : now - ago, JSON.stringify(o.conns ?? []), id);
  return id;
}
const consoleRow = (action: string, ago: number, details: Record<string, unknown> = {}) =>
  run("INSERT INTO console_audit (guid, created_at, actor_type, actor_name, action, target_name, details) VALUES (?, ?, 'anonymous', '198.51.100.7', ?, 'bob', ?)", crypto.randomUUID(), now - ago, action, JSON.stringify(details));
const alarm = (ago: number, typ = 1) => run("INSERT INTO alarm_audit (guid, rd_id, typ, info, ip, created_at) VALUES (?, '100000001', ?, '{\"name\":\"x\"}', '203.0.113.9', ?)", crypto.randomUUID(), typ, now - ago);
const userId = (name: string) => (env.sqlite.query("SELECT id FROM users WHERE name = ?").get(name) as { id: number }).id;

const ids: Record<string, number> = {};
beforeAll(() => {
  // Users: alice and carol (admins) and bob from tokenEnv; dave with a confirmed authenticator, erin mid-enrolment.
  for (const name of ["dave", "erin"]) run("INSERT INTO users (guid, name, created_at, updated_at) VALUES (?, ?, 0, 0)", `u-${name}`, name);
  run("INSERT INTO user_totp (user_id, secret_enc, confirmed_at, created_at) VALUES (?, 'x', ?, 0)", userId("dave"), now - DAY);
  run("INSERT INTO user_totp (user_id, secret_enc, confirmed_at, created_at) VALUES (?, 'x', NULL, 0)", userId("erin"));
  ids.live = device("100000001", 5_000, { conns: [3, 4] });
  ids.idle = device("100000002", 30_000);
  ids.gone2m = device("100000003", 2 * MIN);
  ids.gone31d = device("100000004", 31 * DAY);
  ids.never = device("100000005", null, { pending: true });
  // Client logins: one alive, one expired; a browser sign-in is not a client.
  run("INSERT INTO sessions (guid, user_id, token_hash, created_at, last_used_at, expires_at) VALUES ('s1', ?, 'h1', 0, 0, ?)", userId("bob"), now + DAY);
  run("INSERT INTO sessions (guid, user_id, token_hash, created_at, last_used_at, expires_at) VALUES ('s2', ?, 'h2', 0, 0, ?)", userId("bob"), now - 1);
  run("INSERT INTO sessions (guid, user_id, token_hash, kind, created_at, last_used_at, expires_at) VALUES ('s3', ?, 'h3', 'console', 0, 0, ?)", userId("bob"), now + DAY);
  consoleRow("auth.login", HOUR);
  consoleRow("auth.login", 23 * HOUR);
  consoleRow("auth.login", 25 * HOUR); // outside the day
  consoleRow("auth.login_failed", 2 * HOUR, { reason: "password", count: 3 }); // one row per window, its count grows
  consoleRow("auth.code_failed", 3 * HOUR); // no count: one
  consoleRow("auth.login_failed", 2 * DAY, { count: 50 });
  alarm(HOUR);
  alarm(90 * MIN, 0);
  alarm(2 * DAY);
});

describe("the token matrix", () => {
  const ROUTES: [string, string][] = [
    ["GET", "/api/admin/dashboard/stats"],
    ["GET", "/api/admin/dashboard/online?range=7d"],
    ["GET", "/api/admin/dashboard/timeline?limit=5"],
    ["GET", "/api/admin/status"],
  ];
  tokenMatrix(env.app, ROUTES, areaCallers({ other, gone, ro }, "admin:r", "tokens of every other area"));
});

describe("stats", () => {
  test("every number against the seeded database", async () => {
    const [status, body] = await get("/api/admin/dashboard/stats");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      users: { total: 5, admins: 2, with_2fa: 1 },
      devices: { total: 5, online: 2, offline_30d: 2, pending_approval: 1 },
      sessions: { live: 2, signed_in_clients: 1 },
      last_24h: { logins: 2, failed_logins: 4, alarms: 2 },
      heartbeats_per_second: 0,
      strategy_rollout: { applied: 0, pending: 0, offline: 0 }, // "Locked" exists but applies to nobody
    });
    const storage = (body as { storage: Record<string, number | null> }).storage;
    expect(storage.database_bytes).toBeGreaterThanOrEqual(4096); // a page at least; until a checkpoint, the rest is in the WAL
    expect(storage.wal_bytes).toBeGreaterThan(0);
    expect(storage.disk_free_bytes).toBeGreaterThan(0);
  });

  test("heartbeats per second: what came in since the last reading, over the time that passed", async () => {
    await get("/api/admin/dashboard/stats"); // a reading at t
    for (let i = 0; i < 6; i++) expect((await call(env.app, "POST", "/api/heartbeat", { body: { id: "100000009", uuid: "dQ==" } })).status).toBe(200);
    env.advance(2000);
    const [, body] = await get("/api/admin/dashboard/stats");
    expect((body as { heartbeats_per_second: number }).heartbeats_per_second).toBe(3);
    env.advance(-2000);
  });

  test("strategy rollout: the same counts as strategy status, device by device", async () => {
    const tally = () => {
      const out = { applied: 0, pending: 0, offline: 0 };
      for (const d of deviceStrategies(env.ctx)) if (d.state in out) out[d.state as keyof typeof out]++;
      return out;
    };
    const stats = async () => ((await get("/api/admin/dashboard/stats"))[1] as { strategy_rollout: unknown }).strategy_rollout;
    // The default only: the pass over presence alone.
    run("UPDATE strategies SET is_default = 1 WHERE name = 'Locked'");
    run("INSERT INTO device_strategy_state (device_id, confirmed_stamp) VALUES (?, ?)", ids.live!, stampOf({ "enable-file-transfer": "N" }));
    run("INSERT INTO device_strategy_state (device_id, confirmed_stamp) VALUES (?, ?)", ids.gone2m!, 12345); // an old stamp
    expect(await stats()).toEqual({ applied: 1, pending: 1, offline: 3 });
    expect(rolloutCounts(env.ctx)).toEqual(tally());
    // Every level: a device's own, a disabled one that falls through, an owner's, a group's.
    run("INSERT INTO strategies (guid, name, options, enabled, created_at, updated_at) VALUES ('s-a', 'Own', '{\"a\":\"1\"}', 1, 0, 0), ('s-off', 'Off', '{\"b\":\"1\"}', 0, 0, 0), ('s-u', 'Owner', '{\"c\":\"1\"}', 1, 0, 0), ('s-g', 'Group', '{\"d\":\"1\"}', 1, 0, 0)");
    const sid = (name: string) => (env.sqlite.query("SELECT id FROM strategies WHERE name = ?").get(name) as { id: number }).id;
    run("UPDATE devices SET strategy_id = ? WHERE id = ?", sid("Own"), ids.idle!);
    run("UPDATE devices SET strategy_id = ?, owner_id = ? WHERE id = ?", sid("Off"), userId("bob"), ids.live!);
    run("UPDATE users SET strategy_id = ? WHERE name = 'bob'", sid("Owner"));
    run("UPDATE device_groups SET strategy_id = ? WHERE name = 'Kiosks'", sid("Group"));
    run("UPDATE devices SET group_id = (SELECT id FROM device_groups WHERE name = 'Kiosks') WHERE id IN (?, ?)", ids.gone31d!, ids.never!);
    run("UPDATE device_strategy_state SET confirmed_stamp = ? WHERE device_id = ?", stampOf({ c: "1" }), ids.live!);
    const want = tally();
    expect(want).toEqual({ applied: 1, pending: 1, offline: 3 });
    expect(await stats()).toEqual(want);
    // Disabled everywhere: nothing to roll out.
    run("UPDATE strategies SET enabled = 0");
    expect(await stats()).toEqual({ applied: 0, pending: 0, offline: 0 });
    expect(tally()).toEqual({ applied: 0, pending: 0, offline: 0 });
  });
});

describe("online and timeline", () => {
  test("online: a range's points, oldest first; a bad range is 400", async () => {
    run("INSERT INTO online_samples (at, online, total) VALUES (?, 4, 10), (?, 6, 10), (?, 1, 9)", now - 10 * MIN, now - 5 * MIN, now - 2 * DAY);
    const [status, body] = await get("/api/admin/dashboard/online?range=24h");
    expect(status).toBe(200);
    expect(body).toEqual({
      range: "24h",
      step_seconds: 300,
      points: [
        { at: new Date(now - 10 * MIN).toISOString(), online: 4, peak: 4, total: 10 },
        { at: new Date(now - 5 * MIN).toISOString(), online: 6, peak: 6, total: 10 },
      ],
    });
    expect(((await get("/api/admin/dashboard/online"))[1] as { range: string }).range).toBe("24h");
    const week = (await get("/api/admin/dashboard/online?range=7d"))[1] as { step_seconds: number; points: unknown[] };
    expect(week.step_seconds).toBe(1800);
    expect(week.points).toHaveLength(2); // the two recent samples share a half hour
    for (const bad of ["1h", "24H", "", "7d;drop"]) {
      const [s, b] = await get(`/api/admin/dashboard/online?range=${encodeURIComponent(bad)}`);
      expect([s, (b as { code: string }).code]).toEqual([400, "INVALID_INPUT"]);
    }
  });

  test("timeline: newest first, bounded, from `since`; refusals", async () => {
    const [status, body] = await get("/api/admin/dashboard/timeline?since=26h&limit=4");
    expect(status).toBe(200);
    const all = ((await get("/api/admin/dashboard/timeline?since=26h&limit=500"))[1] as { data: { kind: string; action: string; at: string; id: string }[] }).data;
    expect((body as { data: unknown[] }).data).toEqual(all.slice(0, 4));
    // At `now`: the setup's users, groups, strategy, tokens and the matrix's refusals (admin changes); then the seeded rows.
    expect(new Set(all.filter((e) => Date.parse(e.at) === now).map((e) => e.kind))).toEqual(new Set(["admin"]));
    const older = all.filter((e) => Date.parse(e.at) < now);
    expect(older.map((e) => e.kind)).toEqual(["alarm", "login", "alarm", "login_failed", "login_failed", "login", "login"]);
    expect(older[0]).toMatchObject({ id: expect.stringMatching(/^alarm:\d+$/), action: "over 30 failed attempts", actor: "100000001", details: { name: "x", ip: "203.0.113.9" } });
    expect(older[3]).toMatchObject({ action: "auth.login_failed", actor: "198.51.100.7", target: "bob", details: { reason: "password", count: 3 } });
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const iso = ((await get(`/api/admin/dashboard/timeline?since=${new Date(now - 2 * HOUR).toISOString()}`))[1] as { data: unknown[] }).data;
    expect(iso.length).toBe(all.filter((e) => Date.parse(e.at) >= now - 2 * HOUR).length);
    for (const q of ["limit=0", "limit=501", "limit=x", "since=yesterday", "since=5y", "since=0m"]) {
      const [s, b] = await get(`/api/admin/dashboard/timeline?${q}`);
      expect([q, s, (b as { code: string }).code]).toEqual([q, 400, "INVALID_INPUT"]);
    }
  });
});
