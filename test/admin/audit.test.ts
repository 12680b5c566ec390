// rdconsole's own audit routes (/api/admin/audit/{type}): the four logs with `audit tail`'s filters, cursor
// paging {data, next_cursor} (oldest first; each entry's cursor for a follower), the token matrix (area audit).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { approveDevice, setDevice } from "../../src/devices/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const ro = createToken(env.ctx, { name: "auditor", scopes: { audit: "r" } }).secret;
const rwDevices = createToken(env.ctx, { name: "ops", scopes: { devices: "rw", groups: "rw", users: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { audit: "rw" } }).secret;
revokeToken(env.ctx, "gone");

interface Entry {
  type: string;
  device?: string;
  action: string;
  details: Record<string, unknown>;
  cursor: number;
  at: string;
}
const read = async (path: string, secret = ro) => {
  const r = await call(env.app, "GET", path, { headers: bearer(secret) });
  return [r.status, r.json()] as const;
};
const page = async (path: string) => (await read(path))[1] as { data: Entry[]; next_cursor: number | null };
const post = async (path: string, body: unknown) => (await call(env.app, "POST", path, { raw: JSON.stringify(body), headers: { "content-type": "application/json" } })).status;

beforeAll(async () => {
  expect(await post("/api/sysinfo", { id: "100", uuid: "dQ==" })).toBe(200);
  expect(await post("/api/sysinfo", { id: "200", uuid: "dQ==" })).toBe(200);
  setDevice(env.ctx, "100", { owner: "bob" });
  expect(await post("/api/audit/conn", { action: "new", conn_id: 1, id: "100", ip: "10.0.0.1", session_id: 0, uuid: "dQ==" })).toBe(200);
  expect(await post("/api/audit/conn", { action: "new", conn_id: 2, id: "200", ip: "10.0.0.2", session_id: 0, uuid: "dQ==" })).toBe(200);
  expect(await post("/api/audit/alarm", { id: "100", info: '{"ip":"1.2.3.4"}', typ: 1, uuid: "dQ==" })).toBe(200);
  expect(await post("/api/audit/file", { id: "200", info: '{"files":[["a.txt",3]],"num":1}', path: "/tmp/a.txt", type: 0, is_file: true, uuid: "dQ==" })).toBe(200);
  // A console entry made through the admin API: its actor is token:<name>.
  expect((await call(env.app, "POST", "/api/admin/devices/100/disable", { headers: bearer(rwDevices) })).status).toBe(200);
  for (const id of ["301", "302", "303", "304", "305"]) approveDevice(env.ctx, id);
});

describe("the token matrix", () => {
  const CASES: [string, Record<string, string>, number][] = [
    ["no token", {}, 401],
    ["a bad token", bearer("rdc_not-a-real-token-at-all"), 401],
    ["a token of other areas", bearer(rwDevices), 403],
    ["a revoked token", bearer(gone), 401],
    ["audit:r", bearer(ro), 200],
  ];
  for (const type of ["", "/conn", "/file", "/alarm", "/console"])
    test.each(CASES)(`GET /api/admin/audit${type}: %s → %d`, async (_who, headers, want) => {
      const r = await call(env.app, "GET", `/api/admin/audit${type}`, { headers });
      expect(r.status).toBe(want);
      if (want >= 400) expect((r.json() as { code: string }).code).toBe(want === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    });
});

describe("the four logs", () => {
  test("conn: both connections, filters by device and by owner", async () => {
    const all = await page("/api/admin/audit/conn");
    expect(all.next_cursor).toBeNull();
    expect(all.data.map((e) => [e.type, e.device, e.action])).toEqual([["conn", "100", "opened"], ["conn", "200", "opened"]]);
    expect(all.data[0]!.details).toMatchObject({ conn_id: 1, ip: "10.0.0.1" });
    expect(all.data[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await page("/api/admin/audit/conn?device=200")).data.map((e) => e.device)).toEqual(["200"]);
    expect((await page("/api/admin/audit/conn?user=bob")).data.map((e) => e.device)).toEqual(["100"]);
    expect(await read("/api/admin/audit/conn?user=nobody")).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
  });

  test("file and alarm", async () => {
    expect((await page("/api/admin/audit/file")).data).toEqual([expect.objectContaining({ type: "file", device: "200", action: "sent", details: expect.objectContaining({ path: "/tmp/a.txt" }) })]);
    expect((await page("/api/admin/audit/alarm")).data).toEqual([expect.objectContaining({ type: "alarm", device: "100", details: expect.objectContaining({ typ: 1, ip: "1.2.3.4" }) })]);
  });

  test("console: the admin API's change by token:<name>; user= filters by actor", async () => {
    const byToken = await page("/api/admin/audit/console?user=token:ops");
    expect(byToken.data).toEqual([expect.objectContaining({ type: "console", device: "100", action: "device.disable", details: expect.objectContaining({ actor: "token:ops", actor_type: "token" }) })]);
    expect((await page("/api/admin/audit/console?device=100")).data.map((e) => e.action)).toContain("device.update");
  });

  test("since: a duration; older entries drop out", async () => {
    expect((await page("/api/admin/audit/conn?since=1h")).data.length).toBe(2);
    env.advance(2 * 3_600_000);
    expect((await page("/api/admin/audit/conn?since=1h")).data).toEqual([]);
    expect(await read("/api/admin/audit/conn?since=never")).toEqual([400, { error: "since takes a duration such as 30m, 12h, 7d, 2w", code: "INVALID_INPUT" }]);
    expect((await read("/api/admin/audit/conn?since=yesterday"))[0]).toBe(400);
  });
});

describe("cursor paging", () => {
  test("pages of `limit`, oldest first, each entry once; next_cursor null at the end; a follower resumes from the last entry's cursor", async () => {
    const everything = (await page("/api/admin/audit/console?limit=1000")).data;
    expect(everything.length).toBeGreaterThan(6);
    const seen: Entry[] = [];
    let cursor: number | null = 0;
    let pages = 0;
    while (cursor !== null) {
      const p = await page(`/api/admin/audit/console?limit=3&cursor=${cursor}`);
      expect(p.data.length).toBeLessThanOrEqual(3);
      seen.push(...p.data);
      cursor = p.next_cursor;
      pages++;
    }
    expect(pages).toBe(Math.ceil(everything.length / 3)); // the last page knows it is the last
    expect(seen).toEqual(everything);
    const last = seen.at(-1)!.cursor;
    expect((await page(`/api/admin/audit/console?cursor=${last}`)).data).toEqual([]);
    approveDevice(env.ctx, "306");
    expect((await page(`/api/admin/audit/console?cursor=${last}`)).data.map((e) => e.action)).toEqual(["device.approve"]);
  });

  test("order=newest: newest first, each page before the last one's cursor, the same entries reversed", async () => {
    const everything = (await page("/api/admin/audit/console?limit=1000")).data;
    const seen: Entry[] = [];
    let next = (await page("/api/admin/audit/console?order=newest&limit=4")) as { data: Entry[]; next_cursor: number | null };
    seen.push(...next.data);
    while (next.next_cursor !== null) {
      next = await page(`/api/admin/audit/console?order=newest&limit=4&cursor=${next.next_cursor}`);
      seen.push(...next.data);
    }
    expect(seen).toEqual([...everything].reverse());
    expect((await page("/api/admin/audit/console?order=newest&limit=1&user=token:ops")).data.map((e) => e.action)).toEqual(["device.disable"]);
    expect(await read("/api/admin/audit/console?order=sideways")).toEqual([400, { error: "order: oldest or newest", code: "INVALID_INPUT" }]);
  });

  test("bad parameters → 400 with a code", async () => {
    for (const q of ["limit=0", "limit=1001", "cursor=-1", "cursor=abc"]) expect((await read(`/api/admin/audit/console?${q}`))[0]).toBe(400);
    const [s, body] = await read("/api/admin/audit/nope");
    expect(s).toBe(400);
    expect((body as { code: string }).code).toBe("INVALID_INPUT");
  });
});

describe("every log at once (GET /api/admin/audit, audit tail without --type)", () => {
  type AllEntry = Omit<Entry, "cursor"> & { cursor: string; guid: string };
  const all = async (q: string) => (await read(`/api/admin/audit${q}`))[1] as { data: AllEntry[]; next_cursor: string | null };
  const key = (e: { type: string; guid: string }) => `${e.type}:${e.guid}`;

  test("the four logs merged in time order; each entry once across pages; a follower resumes from the last cursor", async () => {
    const everything = (await all("?limit=1000")).data;
    const singles = await Promise.all(["conn", "file", "alarm", "console"].map(async (type) => (await page(`/api/admin/audit/${type}?limit=1000`)).data));
    expect(everything.map(key).sort()).toEqual(singles.flat().map((e) => key(e as unknown as AllEntry)).sort());
    expect(new Set(everything.map((e) => e.type))).toEqual(new Set(["conn", "file", "alarm", "console"]));
    const times = everything.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const seen: AllEntry[] = [];
    let cursor: string | null = "0.0.0.0";
    while (cursor !== null) {
      const p: { data: AllEntry[]; next_cursor: string | null } = await all(`?limit=2&cursor=${cursor}`);
      expect(p.data.length).toBeLessThanOrEqual(2);
      seen.push(...p.data);
      cursor = p.next_cursor;
    }
    expect(seen).toEqual(everything);
    const last = seen.at(-1)!.cursor;
    expect(last).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((await all(`?cursor=${last}`)).data).toEqual([]);
    approveDevice(env.ctx, "307");
    expect(await post("/api/audit/alarm", { id: "200", info: '{"ip":"5.6.7.8"}', typ: 2, uuid: "dQ==" })).toBe(200);
    const news = await all(`?cursor=${last}`);
    // Both at the same time: the logs' order breaks the tie.
    expect(news.data.map((e) => [e.type, e.device])).toEqual([["alarm", "200"], ["console", "307"]]);
    expect(news.data[1]!.action).toBe("device.approve");
  });

  test("the filters of the single logs: device, user, since", async () => {
    expect(new Set((await all("?device=100&limit=1000")).data.map((e) => e.device))).toEqual(new Set(["100"]));
    expect((await all("?device=100&limit=1000")).data.map((e) => e.type)).toContain("alarm");
    // user: the devices of bob in the device logs, bob's own actions in the console log (none).
    expect((await all("?user=bob&limit=1000")).data.map((e) => [e.type, e.device])).toEqual([["conn", "100"], ["alarm", "100"]]);
    expect(await read("/api/admin/audit?user=nobody")).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
    expect((await all("?since=1m")).data.every((e) => Date.parse(e.at) >= Date.parse("2026-11-22T12:00:00Z") + 2 * 3_600_000 - 60_000)).toBe(true);
  });

  test("bad parameters → 400 with a code", async () => {
    for (const q of ["cursor=12", "cursor=1.2.3", "cursor=a.b.c.d", "cursor=-1.0.0.0", "limit=0", "since=never"]) {
      const [s, body] = await read(`/api/admin/audit?${q}`);
      expect([q, s, (body as { code: string }).code]).toEqual([q, 400, "INVALID_INPUT"]);
    }
  });
});
