// device-groups.py (pro-admin-api §6) replayed: Content-Type: application/json on every call, the GETs
// and the group DELETE with an empty body; membership as bare arrays of device IDs, also on DELETE.
import { afterAll, expect, test } from "bun:test";
import { createUser, setPassword } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { proEnv } from "./_pro-setup.ts";

const env = proEnv();
afterAll(() => env.close());
type Group = { guid: string; name: string; note: string; allowed_incomings: { type: number; name: string }[]; device_count: number };
const groups = async (query: string) => {
  const r = await env.jsonHeaders("GET", `/api/device-groups?${query}`);
  expect(r.status).toBe(200);
  return r.json() as { total: number; data: Group[] };
};
const byName = async (name: string) => (await groups(`pageSize=50&name=${encodeURIComponent(name).replaceAll("%20", "+")}&current=1`)).data.find((g) => g.name === name);

test("view: {total, data} with guid and name; name raw (exact, case-insensitive), pageSize=50", async () => {
  const all = await groups("pageSize=50&current=1");
  expect(all).toMatchObject({ total: 1, data: [{ name: "Kiosks", note: "", allowed_incomings: [], device_count: 0 }] });
  expect((await groups("pageSize=50&name=kiosks&current=1")).total).toBe(1);
  expect((await groups("pageSize=50&name=Kiosk&current=1")).total).toBe(0);
});

test("add: {name, note, allowed_incomings} → 200 with an empty body (the script prints None)", async () => {
  const r = await env.json("POST", "/api/device-groups", '{"name": "Ops devices", "note": "n2", "allowed_incomings": [{"type": 0, "name": "Ops"}]}');
  expect([r.status, r.text]).toEqual([200, ""]);
  expect(await byName("Ops devices")).toMatchObject({ note: "n2", allowed_incomings: [{ type: 0, name: "Ops" }] });
  expect((await env.json("POST", "/api/device-groups", '{"name": "Plain"}')).status).toBe(200);
});

test.each([
  ['[{"type": 1, "name": "Kiosks"}]', "type 1 is not allowed here (0 user group, 2 user)"],
  ['[{"type": 0, "name": "Ops"}, {"type": 2, "name": "nobody"}]', 'user "nobody" not found'],
  ['[{"type": 0, "name": "Nobody"}]', 'group "Nobody" not found'],
])("add with allowed_incomings %s → 4xx {error} and nothing created", async (rules, message) => {
  const r = await env.json("POST", "/api/device-groups", `{"name": "Bad", "allowed_incomings": ${rules}}`);
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect((r.json() as { error: string }).error).toContain(message);
  expect(await byName("Bad")).toBeUndefined();
  expect(env.sqlite.query("SELECT count(*) AS n FROM user_access").get()).toEqual({ n: 0 });
});

test("type 2 (a single user): add and update store it, view returns it as given, and that user sees the devices", async () => {
  await setPassword(env.ctx, "bob", "bob-password");
  await createUser(env.ctx, { name: "erin", password: null });
  const token = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("bob", "bob-password"), headers: DART_JSON })).json() as { access_token: string }).access_token;
  const sees = async (path: string) =>
    ((await call(env.app, "GET", `${path}?current=1&pageSize=100&accessible=&status=1`, { headers: { authorization: `Bearer ${token}` } })).json() as { data: { id?: string; name?: string }[] }).data.map((r) => r.id ?? r.name);

  const r = await env.json("POST", "/api/device-groups", '{"name": "Lab", "allowed_incomings": [{"type": 2, "name": "erin"}]}');
  expect([r.status, r.text]).toEqual([200, ""]);
  const lab = (await byName("Lab"))!;
  expect(lab.allowed_incomings).toEqual([{ type: 2, name: "erin" }]);
  expect((await env.json("POST", `/api/device-groups/${lab.guid}`, '["333333333"]')).status).toBe(200);
  expect([await sees("/api/peers"), await sees("/api/device-group/accessible")]).toEqual([[], ["Ops devices"]]);

  const rules = '[{"type": 0, "name": "Default"}, {"type": 2, "name": "erin"}, {"type": 2, "name": "bob"}]';
  const u = await env.json("PATCH", `/api/device-groups/${lab.guid}`, `{"allowed_incomings": ${rules}}`);
  expect([u.status, u.text]).toEqual([200, ""]);
  expect((await byName("Lab"))!.allowed_incomings).toEqual(JSON.parse(rules));
  expect([await sees("/api/peers"), await sees("/api/device-group/accessible")]).toEqual([["333333333"], ["Ops devices", "Lab"]]);

  // An unknown user refuses the whole PATCH.
  const bad = await env.json("PATCH", `/api/device-groups/${lab.guid}`, '{"note": "x", "allowed_incomings": [{"type": 2, "name": "nobody"}]}');
  expect([bad.status, bad.json()]).toEqual([404, { error: 'user "nobody" not found' }]);
  expect(await byName("Lab")).toMatchObject({ note: "", allowed_incomings: JSON.parse(rules) });

  // Deleting a user or the group leaves no rule behind.
  const erin = await env.guidOf("/api/users?name=erin&pageSize=50", "name", "erin");
  expect((await env.bare("POST", `/api/users/${erin}/disable`)).status).toBe(200);
  expect((await env.bare("DELETE", `/api/users/${erin}`)).status).toBe(200);
  expect((await byName("Lab"))!.allowed_incomings).toEqual([{ type: 0, name: "Default" }, { type: 2, name: "bob" }]);
  expect((await env.jsonHeaders("DELETE", `/api/device-groups/${lab.guid}`)).status).toBe(200);
  expect(env.sqlite.query("SELECT count(*) AS n FROM user_access").get()).toEqual({ n: 0 });
  expect(await sees("/api/peers")).toEqual([]);
});

test("update: PATCH the partial body; [] clears the rules", async () => {
  const g = (await byName("Ops devices"))!;
  const r = await env.json("PATCH", `/api/device-groups/${g.guid}`, '{"name": "Ops boxes", "note": "nn", "allowed_incomings": []}');
  expect([r.status, r.text]).toEqual([200, ""]);
  expect(await byName("Ops boxes")).toMatchObject({ guid: g.guid, note: "nn", allowed_incomings: [] });
});

test("add-devices, view-devices, remove-devices: bare arrays of device IDs, the DELETE with a body", async () => {
  const g = (await byName("Ops boxes"))!;
  const added = await env.json("POST", `/api/device-groups/${g.guid}`, '["111111111", "222222222"]');
  expect([added.status, added.text]).toEqual([200, ""]);
  const view = await env.jsonHeaders("GET", "/api/devices?device_group_name=Ops+boxes&pageSize=50&current=1");
  expect((view.json() as { data: { id: string }[] }).data.map((d) => d.id)).toEqual(["111111111", "222222222"]);
  const fuzzy = await env.jsonHeaders("GET", "/api/devices?device_group_name=Ops+boxes&id=%25222%25&device_username=%25ann%25&pageSize=50&current=1");
  expect((fuzzy.json() as { total: number }).total).toBe(1);
  const removed = await env.json("DELETE", `/api/device-groups/${g.guid}/devices`, '["222222222"]');
  expect([removed.status, removed.text]).toEqual([200, ""]);
  expect((await byName("Ops boxes"))!.device_count).toBe(1);
  const unknown = await env.json("POST", `/api/device-groups/${g.guid}`, '["999999999"]');
  expect([unknown.status, unknown.json()]).toEqual([404, { error: "device 999999999 not found" }]);
  expect((await env.json("POST", `/api/device-groups/${g.guid}`, '{"ids": ["111111111"]}')).status).toBe(400);
});

test("delete: DELETE with Content-Type: application/json and an empty body; its devices become ungrouped", async () => {
  for (const name of ["Ops boxes", "Plain"]) {
    const g = (await byName(name))!;
    const r = await env.jsonHeaders("DELETE", `/api/device-groups/${g.guid}`);
    expect([r.status, r.text]).toEqual([200, ""]);
  }
  expect((await groups("pageSize=50&current=1")).data.map((g) => g.name)).toEqual(["Kiosks"]);
  const d = (await env.bare("GET", "/api/devices?id=%25111111111%25&pageSize=30&current=1")).json() as { data: { device_group_name: string }[] };
  expect(d.data[0]!.device_group_name).toBe("");
});
