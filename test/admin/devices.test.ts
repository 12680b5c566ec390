// rdconsole's own device routes (/api/admin/devices…): each route's status and body, the token matrix, the
// console audit as token:<name>, and prune's explicit list (a dry run lists, a real prune deletes only the IDs given).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { approveDevice } from "../../src/devices/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "ops", scopes: { devices: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { devices: "r" } }).secret;
const admin = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const other = createToken(env.ctx, { name: "strat", scopes: { strategies: "rw", audit: "rw", groups: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { devices: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const req = (method: string, path: string, body?: unknown, secret = rw) => call(env.app, method, path, { headers: bearer(secret), body });
const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await req(method, path, body, secret);
  return [r.status, r.json()] as const;
};
const post = (path: string, raw: string) => call(env.app, "POST", path, { raw, headers: { "content-type": "application/json" } });
const register = async (id: string, hostname: string) => expect((await post("/api/sysinfo", `{"hostname":"${hostname}","id":"${id}","uuid":"${UUID}","os":"Linux"}`)).text).toBe("SYSINFO_UPDATED");

beforeAll(async () => {
  await register("123456789", "PC-ONE");
  await register("222222222", "KIOSK-TWO");
});

describe("the token matrix", () => {
  const ROUTES: [string, string, unknown?][] = [
    ["GET", "/api/admin/devices"],
    ["GET", "/api/admin/devices/123456789"],
    ["GET", "/api/admin/devices/123456789/sessions"],
    ["PATCH", "/api/admin/devices/123456789", { note: "n" }],
    ["DELETE", "/api/admin/devices/404404404"],
    ["POST", "/api/admin/devices/123456789/disable"],
    ["POST", "/api/admin/devices/123456789/enable"],
    ["POST", "/api/admin/devices/123456789/approve"],
    ["POST", "/api/admin/devices/404404404/rekey"],
    ["POST", "/api/admin/devices/123456789/disconnect", { all: true }],
    ["POST", "/api/admin/devices/prune", { offline_days: 30, dry_run: true }],
  ];
  tokenMatrix(env.app, ROUTES, areaCallers({ other, gone, ro }, "devices:r", "a token of other areas"));

  test("devices:rw and admin:rw pass the guard (then the service's answer)", async () => {
    for (const secret of [rw, admin]) {
      const got = [];
      for (const [method, path, body] of ROUTES) got.push((await req(method, path, body, secret)).status);
      // DELETE and rekey of an unknown ID: 404; disconnect without a live connection: 400.
      expect(got).toEqual([200, 200, 200, 200, 404, 200, 200, 200, 404, 400, 200]);
    }
  });
});

describe("list and show", () => {
  test("list: {total, data}, filters by search, group, user, online", async () => {
    const [s, body] = await reply("GET", "/api/admin/devices", undefined, ro);
    expect(s).toBe(200);
    const b = body as { total: number; data: { id: string; info: { device_name: string } }[] };
    expect(b.total).toBe(b.data.length);
    expect(b.data.map((d) => d.id)).toEqual(["123456789", "222222222"]);
    expect(b.data[0]!.info.device_name).toBe("PC-ONE");
    expect(((await reply("GET", "/api/admin/devices?search=kiosk"))[1] as { data: { id: string }[] }).data.map((d) => d.id)).toEqual(["222222222"]);
    expect(((await reply("GET", "/api/admin/devices?online=true"))[1] as { total: number }).total).toBe(2);
    expect(await reply("GET", "/api/admin/devices?group=Nope")).toEqual([404, { error: 'device group "Nope" not found', code: "NOT_FOUND" }]);
    expect((await reply("GET", "/api/admin/devices?user=nobody"))[0]).toBe(404);
    expect((await reply("GET", "/api/admin/devices?online=maybe"))[0]).toBe(400);
  });

  test("show: the device, its strategy state and address books; unknown → 404", async () => {
    const [s, d] = await reply("GET", "/api/admin/devices/123456789", undefined, ro);
    expect(s).toBe(200);
    expect(d).toMatchObject({ id: "123456789", status: 1, pending_approval: false, is_online: true, user_name: "", device_group_name: "", strategy_state: "none", address_books: [] });
    expect(await reply("GET", "/api/admin/devices/404404404")).toEqual([404, { error: "device 404404404 not found", code: "NOT_FOUND" }]);
  });
});

describe("changes, audited as token:<name>", () => {
  test("PATCH sets owner, group, note, alias; answers the device; the audit names the token", async () => {
    const [s, d] = await reply("PATCH", "/api/admin/devices/123456789", { owner: "bob", group: "kiosks", note: "front desk", alias: "Desk" });
    expect(s).toBe(200);
    expect(d).toMatchObject({ user_name: "bob", device_group_name: "Kiosks", note: "front desk", alias: "Desk" });
    expect(env.audit("device.update").at(-1)).toMatchObject({ actorName: "token:ops", actorType: "token", targetName: "123456789" });
    expect(((await reply("GET", "/api/admin/devices?group=Kiosks&user=bob"))[1] as { total: number }).total).toBe(1);
    expect(await reply("PATCH", "/api/admin/devices/123456789", {})).toEqual([400, { error: "nothing to change", code: "INVALID_INPUT" }]);
    expect((await reply("PATCH", "/api/admin/devices/123456789", { owner: "nobody" }))[0]).toBe(404);
    expect((await reply("PATCH", "/api/admin/devices/123456789", { colour: "red" }))[0]).toBe(400);
    expect(((await reply("PATCH", "/api/admin/devices/123456789", { owner: "", group: "" }))[1] as { user_name: string }).user_name).toBe("");
  });

  test("disable, enable, rekey answer the device after the change", async () => {
    expect((await reply("POST", "/api/admin/devices/123456789/disable"))[1]).toMatchObject({ status: 0 });
    expect(env.audit("device.disable").at(-1)).toMatchObject({ actorName: "token:ops" });
    expect((await reply("POST", "/api/admin/devices/123456789/enable"))[1]).toMatchObject({ status: 1 });
    expect((await reply("POST", "/api/admin/devices/123456789/rekey"))[1]).toMatchObject({ uuid: "" });
    expect(env.audit("device.rekey").at(-1)).toMatchObject({ actorName: "token:ops" });
  });

  test("approve: a known device is approved, an unknown ID pre-registered", async () => {
    expect(await reply("POST", "/api/admin/devices/333333333/approve")).toEqual([200, { result: "preregistered", device: expect.objectContaining({ id: "333333333", status: 1 }) }]);
    expect(((await reply("POST", "/api/admin/devices/333333333/approve"))[1] as { result: string }).result).toBe("approved");
    expect((await reply("POST", "/api/admin/devices/bad id!/approve"))[0]).toBe(400);
  });

  test("sessions and disconnect: only connection ids the device reports", async () => {
    expect((await post("/api/heartbeat", `{"conns":[5,6],"id":"222222222","modified_at":0,"uuid":"${UUID}","ver":1004090}`)).text).toBe("{}");
    env.devicesFlush();
    expect(await reply("GET", "/api/admin/devices/222222222/sessions", undefined, ro)).toEqual([
      200,
      { conns: [5, 6], sessions: [{ conn: 5, peer: null, conn_type: null, since: null }, { conn: 6, peer: null, conn_type: null, since: null }], disconnect_queued: [], last_seen: expect.any(String) },
    ]);
    expect(await reply("POST", "/api/admin/devices/222222222/disconnect", { conn: 6 })).toEqual([200, { queued: [6] }]);
    expect(env.audit("device.disconnect").at(-1)).toMatchObject({ actorName: "token:ops" });
    expect(((await reply("GET", "/api/admin/devices/222222222/sessions"))[1] as { disconnect_queued: number[] }).disconnect_queued).toEqual([6]);
    expect(await reply("POST", "/api/admin/devices/222222222/disconnect", { conn: 9 })).toEqual([400, { error: "device 222222222 does not report connection 9", code: "INVALID_INPUT" }]);
    expect(await reply("POST", "/api/admin/devices/222222222/disconnect", { all: true })).toEqual([200, { queued: [5, 6] }]);
    for (const body of [{}, { conn: 5, all: true }, { all: false }]) expect(await reply("POST", "/api/admin/devices/222222222/disconnect", body)).toEqual([400, { error: "give one connection id (conn) or all: true", code: "INVALID_INPUT" }]);
  });

  test("delete answers the device deleted; then 404", async () => {
    approveDevice(env.ctx, "444444444");
    expect(await reply("DELETE", "/api/admin/devices/444444444")).toEqual([200, expect.objectContaining({ id: "444444444" })]);
    expect(env.audit("device.delete").at(-1)).toMatchObject({ actorName: "token:ops", targetName: "444444444" });
    expect((await reply("DELETE", "/api/admin/devices/444444444"))[0]).toBe(404);
  });
});

describe("prune: explicit", () => {
  test("a dry run lists; a real prune needs the IDs and deletes only those still stale", async () => {
    env.advance(40 * 86_400_000);
    await register("222222222", "KIOSK-TWO"); // seen again: not stale
    const [s, dry] = await reply("POST", "/api/admin/devices/prune", { offline_days: 30, dry_run: true });
    expect(s).toBe(200);
    expect(dry).toEqual({ dry_run: true, total: 2, data: ["123456789", "333333333"] });
    expect(env.audit("device.delete").filter((a) => (a.details as { pruned?: boolean }).pruned)).toEqual([]);
    expect(await reply("POST", "/api/admin/devices/prune", { offline_days: 30 })).toEqual([400, { error: "ids: a real prune takes the explicit list of RustDesk IDs from a dry run (dry_run: true)", code: "INVALID_INPUT" }]);
    expect((await reply("POST", "/api/admin/devices/prune", { offline_days: 30, dry_run: true, ids: [] }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/devices/prune", { offline_days: 0, dry_run: true }))[0]).toBe(400);
    expect(await reply("POST", "/api/admin/devices/prune", { offline_days: 30, ids: ["333333333", "222222222", "999999999"] })).toEqual([200, { dry_run: false, total: 1, data: ["333333333"] }]);
    expect(env.audit("device.delete").at(-1)).toMatchObject({ actorName: "token:ops", targetName: "333333333" });
    expect(((await reply("GET", "/api/admin/devices"))[1] as { data: { id: string }[] }).data.map((d) => d.id)).toEqual(["123456789", "222222222"]);
  });
});
