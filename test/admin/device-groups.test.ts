// rdconsole's own device-group routes (/api/admin/device-groups…): each route's status and body, the token
// matrix (area groups), the console audit as token:<name>.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { approveDevice, setDevice } from "../../src/devices/service.ts";
import { setGroupAccess } from "../../src/groups/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "ops", scopes: { groups: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { groups: "r" } }).secret;
const admin = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const other = createToken(env.ctx, { name: "devs", scopes: { devices: "rw", users: "rw", audit: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { groups: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await call(env.app, method, path, { headers: bearer(secret), body });
  return [r.status, r.json()] as const;
};

beforeAll(() => {
  approveDevice(env.ctx, "123456789");
  setDevice(env.ctx, "123456789", { group: "Kiosks", owner: "bob" });
  setGroupAccess(env.ctx, "Default", { deviceGroups: ["Kiosks"] });
});

describe("the token matrix", () => {
  const ROUTES: [string, string, unknown?][] = [
    ["GET", "/api/admin/device-groups"],
    ["GET", "/api/admin/device-groups/Kiosks"],
    ["POST", "/api/admin/device-groups", { name: "M-new" }],
    ["PATCH", "/api/admin/device-groups/M-nothing", { name: "x" }],
    ["DELETE", "/api/admin/device-groups/M-nothing"],
  ];
  tokenMatrix(env.app, ROUTES, areaCallers({ other, gone, ro }, "groups:r", "a token of other areas"));

  test("admin:rw passes the guard (then the service's answer)", async () => {
    const got = [];
    for (const [method, path, body] of ROUTES) got.push((await reply(method, path, body, admin))[0]);
    expect(got).toEqual([200, 200, 201, 404, 404]);
  });
});

test("list: {total, data} with device counts", async () => {
  const [s, body] = await reply("GET", "/api/admin/device-groups", undefined, ro);
  expect(s).toBe(200);
  const b = body as { total: number; data: { name: string; device_count: number }[] };
  expect(b.total).toBe(b.data.length);
  expect(b.data.find((g) => g.name === "Kiosks")).toMatchObject({ device_count: 1, note: "", guid: expect.any(String), created_at: expect.any(String) });
});

test("show: devices and the user groups with access; case-insensitive; unknown → 404", async () => {
  expect(await reply("GET", "/api/admin/device-groups/kiosks", undefined, ro)).toEqual([
    200,
    { guid: expect.any(String), name: "Kiosks", note: "", devices: [{ id: "123456789", hostname: "", alias: "", owner: "bob", enabled: true }], accessible_by_groups: ["Default"], accessible_by_users: [], created_at: expect.any(String) },
  ]);
  expect(await reply("GET", "/api/admin/device-groups/Nope")).toEqual([404, { error: 'device group "Nope" not found', code: "NOT_FOUND" }]);
});

describe("create, rename, delete, audited as token:<name>", () => {
  test("create → 201; a taken name → 409; a bad name → 400", async () => {
    const [s, g] = await reply("POST", "/api/admin/device-groups", { name: "Servers", note: "racks" });
    expect(s).toBe(201);
    expect(g).toMatchObject({ name: "Servers", note: "racks", devices: [], accessible_by_groups: [] });
    expect(env.audit("device_group.create").at(-1)).toMatchObject({ actorName: "token:ops", actorType: "token", targetName: "Servers" });
    expect(await reply("POST", "/api/admin/device-groups", { name: "servers" })).toEqual([409, { error: 'a device group named "Servers" already exists', code: "CONFLICT" }]);
    expect((await reply("POST", "/api/admin/device-groups", { name: "a/b" }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/device-groups", { name: "x", colour: "red" }))[0]).toBe(400);
  });

  test("PATCH renames; the devices follow", async () => {
    const [s, g] = await reply("PATCH", "/api/admin/device-groups/Kiosks", { name: "Lobby" });
    expect(s).toBe(200);
    expect(g).toMatchObject({ name: "Lobby", devices: [{ id: "123456789" }] });
    expect(env.audit("device_group.rename").at(-1)).toMatchObject({ actorName: "token:ops", targetName: "Kiosks" });
    expect((await reply("PATCH", "/api/admin/device-groups/Lobby", { name: "Servers" }))[0]).toBe(409);
    expect((await reply("PATCH", "/api/admin/device-groups/Lobby", {}))[0]).toBe(400);
  });

  test("PATCH accessible_by_users: the single users who may see the devices; [] clears; an unknown user changes nothing", async () => {
    const [s, g] = await reply("PATCH", "/api/admin/device-groups/Lobby", { accessible_by_users: ["Bob", "carol"] });
    expect(s).toBe(200);
    expect(g).toMatchObject({ name: "Lobby", accessible_by_users: ["bob", "carol"] });
    expect(env.audit("device_group.update").at(-1)).toMatchObject({ actorName: "token:ops", targetName: "Lobby" });
    expect(await reply("PATCH", "/api/admin/device-groups/Lobby", { name: "Hall", accessible_by_users: ["nobody"] })).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
    expect((await reply("GET", "/api/admin/device-groups/Lobby", undefined, ro))[1]).toMatchObject({ name: "Lobby", accessible_by_users: ["bob", "carol"] });
    expect((await reply("PATCH", "/api/admin/device-groups/Lobby", { accessible_by_users: [] }))[1]).toMatchObject({ accessible_by_users: [] });
    expect((await reply("PATCH", "/api/admin/device-groups/Lobby", { accessible_by_users: ["carol"] }))[1]).toMatchObject({ accessible_by_users: ["carol"] });
  });

  test("PATCH changes the note, alone or with a new name, in one step; \"\" clears it", async () => {
    expect(await reply("PATCH", "/api/admin/device-groups/lobby", { note: "front desk" })).toEqual([200, expect.objectContaining({ name: "Lobby", note: "front desk" })]);
    expect(env.audit("device_group.update").at(-1)).toMatchObject({ actorName: "token:ops", targetName: "Lobby", details: expect.objectContaining({ note: "front desk" }) });
    expect(await reply("PATCH", "/api/admin/device-groups/Lobby", { name: "Hall", note: "" })).toEqual([200, expect.objectContaining({ name: "Hall", note: "" })]);
    expect((await reply("PATCH", "/api/admin/device-groups/Hall", { note: "x".repeat(2001) }))[0]).toBe(400);
    expect((await reply("PATCH", "/api/admin/device-groups/Hall", { name: "Servers", note: "lost" }))[0]).toBe(409);
    expect(await reply("PATCH", "/api/admin/device-groups/Hall", { name: "Lobby" })).toEqual([200, expect.objectContaining({ name: "Lobby", note: "" })]);
  });

  test("DELETE answers the group deleted; its devices stay, ungrouped", async () => {
    const [s, g] = await reply("DELETE", "/api/admin/device-groups/Lobby");
    expect(s).toBe(200);
    expect(g).toMatchObject({ name: "Lobby", devices: [{ id: "123456789" }] });
    expect(env.audit("device_group.delete").at(-1)).toMatchObject({ actorName: "token:ops", targetName: "Lobby" });
    expect((await reply("GET", "/api/admin/device-groups/Lobby"))[0]).toBe(404);
    // The single-user rules on it went with it.
    expect(env.sqlite.query("SELECT count(*) AS n FROM user_access").get()).toEqual({ n: 0 });
  });
});
