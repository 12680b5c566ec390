// The live remote sessions (/api/admin/sessions…): built from heartbeat conns still in the runtime's memory
// plus the connection audit, FastX's paging, sorting and filters (bad ones 400), the count, and a
// disconnect that the device's next heartbeat reply carries.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { setDevice } from "../../src/devices/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const rw = createToken(env.ctx, { name: "ops", scopes: { devices: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { devices: "r" } }).secret;
const admin = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const other = createToken(env.ctx, { name: "people", scopes: { users: "rw", audit: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { devices: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const req = (method: string, path: string, secret = rw) => call(env.app, method, path, { headers: { authorization: `Bearer ${secret}` } });
const get = async (path: string, secret = ro) => {
  const r = await req("GET", path, secret);
  return [r.status, r.json()] as const;
};
const post = (path: string, raw: string) => call(env.app, "POST", path, { raw, headers: { "content-type": "application/json" } });
const beat = async (id: string, conns: number[]) => (await post("/api/heartbeat", JSON.stringify({ conns, id, modified_at: 0, uuid: UUID, ver: 1004090 }))).text;
let nonce = 0;
const audit = async (body: Record<string, unknown>) => expect((await post("/api/audit/conn", JSON.stringify({ ...body, nonce: `n-${++nonce}`, uuid: UUID }))).status).toBe(200);
type Session = { id: string; device: string; conn: number; controller_name: string | null; type: string | null; since: string | null; user: string | null; disconnect_queued: boolean };
const ids = (body: unknown) => (body as { data: Session[] }).data.map((s) => s.id);

beforeAll(async () => {
  for (const [id, host] of [["111111111", "PC-ONE"], ["222222222", "KIOSK"], ["333333333", "GONE"]])
    expect((await post("/api/sysinfo", JSON.stringify({ hostname: host, id, os: "windows / Windows 11 Pro", uuid: UUID }))).text).toBe("SYSINFO_UPDATED");
  setDevice(env.ctx, "111111111", { owner: "bob" });
  await beat("333333333", [2]);
  env.devicesFlush();
  env.advance(600_000); // 333333333 is offline now: its last conns are not live
  await audit({ action: "new", conn_id: 3, id: "111111111", ip: "203.0.113.7", session_id: 0 });
  env.advance(1_000);
  await audit({ conn_id: 3, id: "111111111", peer: ["987654321", "Bob"], session_id: 1, type: 0 });
  env.advance(1_000);
  await audit({ action: "new", conn_id: 7, id: "111111111", ip: "198.51.100.9", session_id: 0 });
  await audit({ conn_id: 7, id: "111111111", peer: ["555555555", "Eve"], session_id: 2, type: 1 });
  // Beats not flushed: the routes read what the runtime holds in memory.
  expect(await beat("111111111", [7, 3])).toBe("{}");
  expect(await beat("222222222", [1])).toBe("{}");
});

describe("the token matrix", () => {
  const ROUTES: [string, string][] = [
    ["GET", "/api/admin/sessions"],
    ["GET", "/api/admin/sessions/count"],
    ["POST", "/api/admin/sessions/222222222:1/disconnect"],
  ];
  tokenMatrix(env.app, ROUTES, areaCallers({ other, gone, ro }, "devices:r", "a token of other areas"));

  test("devices:rw and admin:rw pass (the disconnect: 202, then again 202 — queued once)", async () => {
    for (const secret of [rw, admin]) expect(await Promise.all(ROUTES.map(async ([m, p]) => (await req(m, p, secret)).status))).toEqual([200, 200, 202]);
  });
});

describe("the list", () => {
  test("every live session of an online device, with who is on it; by device, then connection", async () => {
    const [s, body] = await get("/api/admin/sessions");
    expect(s).toBe(200);
    expect(body).toEqual({
      total: 3,
      data: [
        { id: "111111111:3", device: "111111111", device_name: "PC-ONE", device_group: null, user: "bob", conn: 3, controller_id: "987654321", controller_name: "Bob", type: "remote", since: "2026-11-22T12:10:01.000Z", ip: "203.0.113.7", device_ip: null, disconnect_queued: false },
        { id: "111111111:7", device: "111111111", device_name: "PC-ONE", device_group: null, user: "bob", conn: 7, controller_id: "555555555", controller_name: "Eve", type: "file transfer", since: "2026-11-22T12:10:02.000Z", ip: "198.51.100.9", device_ip: null, disconnect_queued: false },
        { id: "222222222:1", device: "222222222", device_name: "KIOSK", device_group: null, user: null, conn: 1, controller_id: null, controller_name: null, type: null, since: null, ip: null, device_ip: null, disconnect_queued: expect.any(Boolean) },
      ],
    });
  });

  test("start and limit page; total counts every match", async () => {
    expect(await get("/api/admin/sessions?start=1&limit=1")).toEqual([200, { total: 3, data: [expect.objectContaining({ id: "111111111:7" })] }]);
    expect(ids((await get("/api/admin/sessions?start=2"))[1])).toEqual(["222222222:1"]);
    expect(await get("/api/admin/sessions?start=5")).toEqual([200, { total: 3, data: [] }]);
  });

  test("sortBy a field, sortReverse flips it; nulls stay last", async () => {
    expect(ids((await get("/api/admin/sessions?sortBy=controller_name"))[1])).toEqual(["111111111:3", "111111111:7", "222222222:1"]);
    expect(ids((await get("/api/admin/sessions?sortBy=controller_name&sortReverse=true"))[1])).toEqual(["111111111:7", "111111111:3", "222222222:1"]);
    expect(ids((await get("/api/admin/sessions?sortBy=conn&sortReverse=true"))[1])).toEqual(["111111111:7", "111111111:3", "222222222:1"]);
    expect(ids((await get("/api/admin/sessions?sortReverse=true"))[1])).toEqual(["222222222:1", "111111111:7", "111111111:3"]);
    expect(ids((await get("/api/admin/sessions?sortBy=since&sortReverse=true&limit=1"))[1])).toEqual(["111111111:7"]);
  });

  test("filter: values OR-ed, several filters AND-ed; an empty value matches none", async () => {
    const f = (...filters: string[]) => `/api/admin/sessions?${filters.map((x) => `filter=${encodeURIComponent(x)}`).join("&")}`;
    expect(ids((await get(f("type==remote,file transfer")))[1])).toEqual(["111111111:3", "111111111:7"]);
    expect(ids((await get(f("type==remote,file transfer", "controller_id==555555555")))[1])).toEqual(["111111111:7"]);
    expect(ids((await get(f("device==222222222,333333333")))[1])).toEqual(["222222222:1"]);
    expect(ids((await get(f("user==")))[1])).toEqual(["222222222:1"]);
    expect(ids((await get(f("conn==3", "user==bob")))[1])).toEqual(["111111111:3"]);
    expect(await get(f("user==carol"))).toEqual([200, { total: 0, data: [] }]);
  });

  test.each([
    ["an unknown filter field", "filter=owner==bob", 'filter "owner==bob": no field "owner"'],
    ["a filter without ==", "filter=user=bob", 'filter "user=bob": write name==value'],
    ["one bad filter among good ones", "filter=user==bob&filter=oops", 'filter "oops"'],
    ["an unknown sortBy", "sortBy=nope", 'sortBy: no field "nope"'],
    ["limit 0", "limit=0", "limit: a whole number, 1 or more"],
    ["a negative start", "start=-1", "start: a whole number, 0 or more"],
    ["a sortReverse that is not a boolean", "sortReverse=maybe", "sortReverse: true or false"],
  ])("refused: %s → 400", async (_name, query, message) => {
    for (const path of ["/api/admin/sessions", ...(query.startsWith("filter") ? ["/api/admin/sessions/count"] : [])]) {
      const [s, body] = await get(`${path}?${query}`);
      expect(s).toBe(400);
      expect(body).toMatchObject({ code: "INVALID_INPUT" });
      expect((body as { error: string }).error).toContain(message);
    }
  });

  test("count: all, or those matching the filters", async () => {
    expect(await get("/api/admin/sessions/count")).toEqual([200, { total: 3 }]);
    expect(await get("/api/admin/sessions/count?filter=device==111111111")).toEqual([200, { total: 2 }]);
  });
});

describe("disconnect", () => {
  test("queued (202, says so); the device's next heartbeat reply carries it; audited as token:<name>", async () => {
    const r = await req("POST", "/api/admin/sessions/111111111:7/disconnect");
    expect(r.status).toBe(202);
    expect(r.json()).toEqual({
      session: expect.objectContaining({ id: "111111111:7", controller_name: "Eve", disconnect_queued: true }),
      delivery: "next_heartbeat",
      message: "queued: device 111111111 closes connection 7 when its next heartbeat is answered",
    });
    expect(env.audit("device.disconnect").at(-1)).toMatchObject({ actorName: "token:ops", targetName: "111111111", details: { conns: [7] } });
    expect(((await get("/api/admin/sessions?filter=disconnect_queued==true"))[1] as { data: Session[] }).data.map((s) => s.id)).toContain("111111111:7");
    expect(await beat("111111111", [3, 7])).toBe('{"disconnect":[7]}');
    // The device closed it: its next beat no longer reports 7, and the session is gone from the list.
    expect(await beat("111111111", [3])).toBe("{}");
    expect(ids((await get("/api/admin/sessions?filter=device==111111111"))[1])).toEqual(["111111111:3"]);
  });

  test("a session that is not live → 404; a malformed id → 400", async () => {
    expect([(await req("POST", "/api/admin/sessions/111111111:7/disconnect")).status, (await req("POST", "/api/admin/sessions/333333333:2/disconnect")).status]).toEqual([404, 404]);
    const r = await req("POST", "/api/admin/sessions/111111111/disconnect");
    expect([r.status, r.json()]).toEqual([400, { error: 'not a session id: "111111111" (it is <device ID>:<connection id>, as listed)', code: "INVALID_INPUT" }]);
    expect((await req("POST", "/api/admin/sessions/111111111:x/disconnect")).status).toBe(400);
  });

  test("a beat without conns ends every session of its device", async () => {
    await beat("222222222", []);
    expect(await get("/api/admin/sessions/count?filter=device==222222222")).toEqual([200, { total: 0 }]);
  });
});
