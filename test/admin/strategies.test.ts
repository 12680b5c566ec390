// rdconsole's own strategy routes (/api/admin/strategies…): each route's status and body, the token matrix,
// the console audit as token:<name>, the lint's refusals (400, naming the key) and apply's dry run.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { consoleAudit, strategies } from "../../src/db/schema.ts";
import { setDevice } from "../../src/devices/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "ops", scopes: { strategies: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { strategies: "r" } }).secret;
const admin = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const other = createToken(env.ctx, { name: "devs", scopes: { devices: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { strategies: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const req = (method: string, path: string, body?: unknown, secret = rw) => call(env.app, method, path, { headers: bearer(secret), body });
const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await req(method, path, body, secret);
  return [r.status, r.json()] as const;
};
const names = () => env.db.select({ n: strategies.name }).from(strategies).all().map((r) => r.n).sort();

beforeAll(async () => {
  const r = await call(env.app, "POST", "/api/sysinfo", { raw: `{"hostname":"PC","id":"123456789","uuid":"${UUID}"}`, headers: { "content-type": "application/json" } });
  expect(r.text).toBe("SYSINFO_UPDATED");
  setDevice(env.ctx, "123456789", { group: "Kiosks" });
});

describe("the token matrix", () => {
  const ROUTES: [string, string, unknown?][] = [
    ["GET", "/api/admin/strategies"],
    ["GET", "/api/admin/strategies/Locked"],
    ["GET", "/api/admin/strategies/Locked/status"],
    ["GET", "/api/admin/devices/123456789/strategy"],
    ["GET", "/api/admin/strategy-keys"],
    ["GET", "/api/admin/strategies/export"],
    ["POST", "/api/admin/strategies/lint", { options: { "enable-audio": "N" } }],
    ["POST", "/api/admin/strategies", { name: "M-new" }],
    ["PATCH", "/api/admin/strategies/Locked", { note: "n" }],
    ["DELETE", "/api/admin/strategies/M-nothing"],
    ["POST", "/api/admin/strategies/Locked/assign", { devices: ["123456789"] }],
    ["POST", "/api/admin/strategies/Locked/unassign", { devices: ["123456789"] }],
    ["PUT", "/api/admin/strategies/default", { name: null }],
    ["POST", "/api/admin/strategies/apply", { toml: "", dry_run: true }],
  ];
  const WRITES = new Set(["POST /api/admin/strategies", "PATCH /api/admin/strategies/Locked", "DELETE /api/admin/strategies/M-nothing", "POST /api/admin/strategies/Locked/assign", "POST /api/admin/strategies/Locked/unassign", "PUT /api/admin/strategies/default", "POST /api/admin/strategies/apply"]);
  tokenMatrix(env.app, ROUTES, areaCallers({ other, gone, ro }, "strategies:r"), (method, path) => WRITES.has(`${method} ${path}`));
  test.each([["strategies:rw", rw], ["admin", admin]])("%s may read and write", async (_, secret) => {
    expect((await req("GET", "/api/admin/strategies", undefined, secret)).status).toBe(200);
    expect((await req("PATCH", "/api/admin/strategies/Locked", { note: `by ${_}` }, secret)).status).toBe(200);
  });
});

describe("routes", () => {
  test("create: 201 with the strategy and the lint's warnings; audited as token:<name>", async () => {
    const [status, body] = await reply("POST", "/api/admin/strategies", { name: "Office", options: { "enable-audio": " N ", "stop-service": "N" }, note: "desks", reapply_hours: 24 });
    expect(status).toBe(201);
    expect(body).toMatchObject({ strategy: { name: "Office", enabled: true, default: false, note: "desks", options: { "enable-audio": "N", "stop-service": "N" }, reapply_hours: 24 } });
    expect((body as { warnings: string[] }).warnings.join()).toContain("stop-service=N");
    const [row] = env.audit("strategy.create").filter((a) => a.targetName === "Office");
    expect(row?.actorName).toBe("token:ops");
    expect(row?.actorType).toBe("token");
  });

  test("create: the lint refuses (400, every key named), a duplicate name 409, a bad body 400", async () => {
    const [status, body] = await reply("POST", "/api/admin/strategies", { name: "Bad", options: { "enable-audoi": "N", "custom-rendezvous-server": "evil.example.com" } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "INVALID_INPUT" });
    expect((body as { error: string }).error).toContain('unknown key "enable-audoi"');
    expect((body as { error: string }).error).toContain("custom-rendezvous-server re-points the device");
    expect(names()).not.toContain("Bad");
    expect((await reply("POST", "/api/admin/strategies", { name: "office" }))[0]).toBe(409);
    expect((await reply("POST", "/api/admin/strategies", { name: "X", reapply_hours: 0 }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/strategies", { options: {} }))[0]).toBe(400);
    // allow_repoint lets it through, as a warning.
    const [ok, allowed] = await reply("POST", "/api/admin/strategies", { name: "Moved", options: { "custom-rendezvous-server": "rd2.example.com" }, allow_repoint: true });
    expect(ok).toBe(201);
    expect((allowed as { warnings: string[] }).warnings[0]).toContain("re-points the device");
  });

  test("list: {total, data}, by name, with reach", async () => {
    const [status, body] = await reply("GET", "/api/admin/strategies");
    expect(status).toBe(200);
    const b = body as { total: number; data: { name: string; devices: number; applied: number }[] };
    expect(b.total).toBe(b.data.length);
    expect(b.data.map((s) => s.name)).toEqual(names().sort((a, c) => a.localeCompare(c)));
    expect(b.data.find((s) => s.name === "Office")).toMatchObject({ devices: 0, applied: 0, reapply_hours: 24 });
  });

  test("patch: set, unset, note, reapply, rename, disable/enable; lint errors refuse everything", async () => {
    let [status, body] = await reply("PATCH", "/api/admin/strategies/Office", { options: { "enable-clipboard": "N" }, unset: ["stop-service"], note: "all desks", reapply_hours: null });
    expect(status).toBe(200);
    expect(body).toMatchObject({ strategy: { options: { "enable-audio": "N", "enable-clipboard": "N" }, note: "all desks", reapply_hours: null }, warnings: [] });
    [status, body] = await reply("PATCH", "/api/admin/strategies/Office", { options: { "enable-clipboard": "maybe" }, note: "never" });
    expect([status, (body as { error: string }).error]).toEqual([400, expect.stringContaining("enable-clipboard")]);
    expect((await reply("GET", "/api/admin/strategies/Office"))[1]).toMatchObject({ note: "all desks" });
    expect((await reply("PATCH", "/api/admin/strategies/Office", { unset: ["not-set"] }))[0]).toBe(400);
    expect((await reply("PATCH", "/api/admin/strategies/Office", { name: "Desks" }))[1]).toMatchObject({ strategy: { name: "Desks" } });
    expect((await reply("PATCH", "/api/admin/strategies/Desks", { enabled: false }))[1]).toMatchObject({ strategy: { enabled: false } });
    expect(env.audit("strategy.disable").at(-1)?.actorName).toBe("token:ops");
    expect((await reply("PATCH", "/api/admin/strategies/Desks", { enabled: true }))[1]).toMatchObject({ strategy: { enabled: true } });
    expect((await reply("PATCH", "/api/admin/strategies/Nope", { note: "x" }))).toEqual([404, { error: 'strategy "Nope" not found', code: "NOT_FOUND" }]);
  });

  test("assign, show, status, explain, unassign", async () => {
    expect(await reply("POST", "/api/admin/strategies/Desks/assign", { devices: ["123456789"], device_groups: ["Kiosks"] })).toEqual([200, { strategy: "Desks", assigned: 2 }]);
    expect(await reply("POST", "/api/admin/strategies/Desks/assign", { devices: ["000"] })).toEqual([404, { error: 'device "000" not found', code: "NOT_FOUND" }]);
    expect((await reply("POST", "/api/admin/strategies/Desks/assign", {}))[0]).toBe(400);
    const [, show] = await reply("GET", "/api/admin/strategies/Desks");
    expect(show).toMatchObject({ name: "Desks", assigned: { devices: ["123456789"], users: [], device_groups: ["Kiosks"] }, devices: 1 });
    const [, status] = await reply("GET", "/api/admin/strategies/Desks/status");
    expect(status).toMatchObject({ strategy: "Desks", enabled: true, total: 1, data: [{ device: "123456789", strategy: "Desks", level: "device" }] });
    // limit: the first N devices, oldest first; counts and total still cover every one (the console asks for a screenful).
    await call(env.app, "POST", "/api/sysinfo", { raw: `{"hostname":"PC2","id":"123456788","uuid":"${UUID}"}`, headers: { "content-type": "application/json" } });
    setDevice(env.ctx, "123456788", { group: "Kiosks" });
    const [, limited] = await reply("GET", "/api/admin/strategies/Desks/status?limit=1");
    expect(limited).toMatchObject({ total: 2, data: [{ device: "123456789", level: "device" }] });
    expect((limited as { data: unknown[] }).data).toHaveLength(1);
    expect(((await reply("GET", "/api/admin/strategies/Desks/status"))[1] as { data: unknown[] }).data).toHaveLength(2);
    // The list's reach (counted in SQL) agrees with the status (built per device).
    const list = (await reply("GET", "/api/admin/strategies"))[1] as { data: { name: string; devices: number; applied: number }[] };
    expect(list.data.find((x) => x.name === "Desks")).toMatchObject({ devices: 2, applied: 0 });
    expect(await reply("GET", "/api/admin/strategies/Desks/status?limit=0")).toEqual([400, { error: "limit: a whole number from 1", code: "INVALID_INPUT" }]);
    const [code, explain] = await reply("GET", "/api/admin/devices/123456789/strategy");
    expect(code).toBe(200);
    expect(explain).toMatchObject({ device: "123456789", strategy: "Desks", level: "device", shadowed: [{ strategy: "Desks", level: "device_group", reason: "shadowed" }], options: { "enable-audio": "N", "enable-clipboard": "N" } });
    expect((await reply("GET", "/api/admin/devices/999/strategy"))[0]).toBe(404);
    expect(await reply("POST", "/api/admin/strategies/Locked/unassign", { devices: ["123456789"] })).toEqual([400, { error: 'device "123456789" is not assigned strategy "Locked" directly', code: "INVALID_INPUT" }]);
    expect(await reply("POST", "/api/admin/strategies/Desks/unassign", { devices: ["123456789"] })).toEqual([200, { strategy: "Desks", unassigned: 1 }]);
    expect((await reply("GET", "/api/admin/devices/123456789/strategy"))[1]).toMatchObject({ strategy: "Desks", level: "device_group" });
  });

  test("default: set and clear", async () => {
    expect((await reply("PUT", "/api/admin/strategies/default", { name: "Locked" }))[1]).toMatchObject({ default: { name: "Locked", default: true } });
    expect(await reply("PUT", "/api/admin/strategies/default", { name: null })).toEqual([200, { default: null }]);
    expect((await reply("PUT", "/api/admin/strategies/default", { name: "Nope" }))[0]).toBe(404);
    expect((await reply("PUT", "/api/admin/strategies/default", {}))[0]).toBe(400);
  });

  test("keys: the catalogue", async () => {
    const [status, body] = await reply("GET", "/api/admin/strategy-keys", undefined, ro);
    expect(status).toBe(200);
    const b = body as { settable: { key: string; requires_flag: string | null }[]; refused: { key: string }[] };
    expect(b.settable.find((k) => k.key === "enable-audio")).toMatchObject({ kind: "enable", requires_flag: null });
    expect(b.settable.find((k) => k.key === "custom-rendezvous-server")?.requires_flag).toBe("--allow-repoint");
    expect(b.refused.length).toBeGreaterThan(0);
  });

  test("lint: options as stored and warnings; errors 400 naming every key; nothing saved", async () => {
    expect(await reply("POST", "/api/admin/strategies/lint", { options: { "enable-audio": " N " } }, ro)).toEqual([200, { options: { "enable-audio": "N" }, warnings: [] }]);
    const [status, body] = await reply("POST", "/api/admin/strategies/lint", { options: { "stop-service": "Y", "approve-mode": "sometimes" } }, ro);
    expect(status).toBe(400);
    const { error, code } = body as { error: string; code: string };
    expect(code).toBe("INVALID_INPUT");
    expect(error.split("\n")).toHaveLength(2);
    expect(error).toContain("stop-service=Y");
    expect(error).toContain("approve-mode");
    expect((await reply("POST", "/api/admin/strategies/lint", { options: { "stop-service": "Y" }, allow_stop: true }, ro))[0]).toBe(200);
    expect((await reply("POST", "/api/admin/strategies/lint", {}, ro))[0]).toBe(400);
  });

  test("lint with report: 200 with each finding by key, errors included", async () => {
    const [status, body] = await reply("POST", "/api/admin/strategies/lint", { options: { "approve-mode": "sometimes", "enable-audio": "N", "auto-disconnect-timeout": "10" }, report: true }, ro);
    expect(status).toBe(200);
    const b = body as { options: Record<string, string>; issues: { key: string; level: string; message: string }[] };
    expect(b.options).toEqual({ "enable-audio": "N", "auto-disconnect-timeout": "10" });
    expect(b.issues).toEqual([
      { key: "approve-mode", level: "error", message: expect.stringContaining("approve-mode") },
      { key: "auto-disconnect-timeout", level: "warning", message: expect.stringContaining("allow-auto-disconnect=Y") },
    ]);
  });

  test("export, then apply: the dry run changes nothing and returns the plan; apply changes it; lint refusal names strategy and key", async () => {
    const exported = await req("GET", "/api/admin/strategies/export?name=Locked", undefined, ro);
    expect([exported.status, exported.headers.get("content-type")]).toEqual([200, "application/toml; charset=utf-8"]);
    expect(exported.text).toContain('name = "Locked"');
    expect((await req("GET", "/api/admin/strategies/export?name=Nope")).status).toBe(400);
    const two = (await req("GET", "/api/admin/strategies/export?name=Locked&name=Desks")).text;
    expect([two.includes('name = "Locked"'), two.includes('name = "Desks"'), two.includes("default =")]).toEqual([true, true, false]);
    const toml = `${exported.text}\n[[strategy]]\nname = "Kiosk"\noptions = { "enable-audio" = "N" }\n[strategy.assign]\ndevice_groups = ["Kiosks"]\n`;
    const before = names();
    const audits = env.db.select({ n: sql<number>`count(*)` }).from(consoleAudit).get()!.n;
    const dry = await reply("POST", "/api/admin/strategies/apply", { toml, dry_run: true });
    expect(dry).toEqual([200, { dry_run: true, applied: false, plan: ['+ strategy Kiosk {"enable-audio":"N"}', "+ assign Kiosk → device group Kiosks"], warnings: [] }]);
    expect(names()).toEqual(before);
    expect(env.db.select({ n: sql<number>`count(*)` }).from(consoleAudit).get()!.n).toBe(audits);
    const done = await reply("POST", "/api/admin/strategies/apply", { toml });
    expect(done[1]).toMatchObject({ dry_run: false, applied: true });
    expect(names()).toContain("Kiosk");
    expect(env.audit("strategy.create").find((a) => a.targetName === "Kiosk")?.actorName).toBe("token:ops");
    expect(await reply("POST", "/api/admin/strategies/apply", { toml })).toEqual([200, { dry_run: false, applied: false, plan: [], warnings: [] }]);
    const bad = await reply("POST", "/api/admin/strategies/apply", { toml: `[[strategy]]\nname = "Evil"\noptions = { "api-server" = "https://evil.example.com" }\n` });
    expect(bad[0]).toBe(400);
    expect((bad[1] as { error: string }).error).toStartWith("Evil: api-server re-points the device");
    expect((await reply("POST", "/api/admin/strategies/apply", { toml: "not = [toml" }))[0]).toBe(400);
    expect(names()).not.toContain("Evil");
  });

  test("delete: 200 with the name, then 404", async () => {
    expect(await reply("DELETE", "/api/admin/strategies/moved")).toEqual([200, { deleted: "Moved" }]);
    expect(env.audit("strategy.delete").at(-1)?.actorName).toBe("token:ops");
    expect((await reply("DELETE", "/api/admin/strategies/Moved"))[0]).toBe(404);
  });
});
