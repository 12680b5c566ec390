// strategies.py (pro-admin-api §7) replayed: the list is a bare array, status a bare true/false, assign
// {strategy?, peers, users, groups} by guid; every call with Content-Type: application/json.
import { afterAll, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { deviceGroups, devices, users } from "../../src/db/schema.ts";
import { proEnv } from "./_pro-setup.ts";

const env = proEnv();
afterAll(() => env.close());
type Strategy = { guid: string; name: string; status: boolean; modified_at: number };
const strategies = async () => {
  const r = await env.jsonHeaders("GET", "/api/strategies");
  expect(r.status).toBe(200);
  return r.json() as Strategy[];
};

test("list: a bare JSON array (an {total, data} envelope crashes every lookup); modified_at in unix seconds", async () => {
  const all = await strategies();
  expect(Array.isArray(all)).toBe(true);
  expect(all).toEqual([expect.objectContaining({ name: "Locked", status: true, modified_at: Date.parse("2026-11-22T12:00:00Z") / 1000 })]);
});

test("view --guid: the strategy with its settings; an unknown guid → 404 {error}", async () => {
  const [s] = await strategies();
  const r = await env.jsonHeaders("GET", `/api/strategies/${s!.guid}`);
  expect([r.status, r.json()]).toEqual([200, expect.objectContaining({ guid: s!.guid, name: "Locked", options: { "enable-file-transfer": "N" } })]);
  const gone = await env.jsonHeaders("GET", "/api/strategies/01a21c1c-0000-7000-8000-000000000000");
  expect([gone.status, gone.json()]).toEqual([404, { error: "strategy 01a21c1c-0000-7000-8000-000000000000 not found" }]);
});

test("disable / enable: PUT with the bare body false / true", async () => {
  const [s] = await strategies();
  env.advance(5_000);
  expect(await env.json("PUT", `/api/strategies/${s!.guid}/status`, "false")).toMatchObject({ status: 200, text: "" });
  expect((await strategies())[0]).toMatchObject({ status: false, modified_at: Date.parse("2026-11-22T12:00:05Z") / 1000 });
  expect(await env.json("PUT", `/api/strategies/${s!.guid}/status`, "true")).toMatchObject({ status: 200, text: "" });
  expect((await strategies())[0]!.status).toBe(true);
  expect((await env.json("PUT", `/api/strategies/${s!.guid}/status`, '"yes"')).status).toBe(400);
});

test("assign and unassign by guid: all three arrays present, groups = device groups; no strategy key unassigns", async () => {
  const [s] = await strategies();
  const peer = (await env.jsonHeaders("GET", "/api/devices?id=222222222&pageSize=50")).json() as { data: { id: string; guid: string }[] };
  const device = peer.data.find((d) => d.id === "222222222")!.guid;
  const group = ((await env.jsonHeaders("GET", "/api/device-groups?pageSize=50&name=Kiosks")).json() as { data: { guid: string }[] }).data[0]!.guid;
  const bob = env.db.select().from(users).where(eq(users.name, "bob")).get()!.guid;
  const r = await env.json("POST", "/api/strategies/assign", `{"strategy": "${s!.guid}", "peers": ["${device}"], "users": ["${bob}"], "groups": ["${group}"]}`);
  expect([r.status, r.text]).toEqual([200, ""]);
  const strategyId = () => [
    env.db.select().from(devices).where(eq(devices.rdId, "222222222")).get()!.strategyId,
    env.db.select().from(users).where(eq(users.name, "bob")).get()!.strategyId,
    env.db.select().from(deviceGroups).where(eq(deviceGroups.name, "Kiosks")).get()!.strategyId,
  ];
  expect(strategyId().every((id) => id !== null)).toBe(true);
  const un = await env.json("POST", "/api/strategies/assign", `{"peers": ["${device}"], "users": ["${bob}"], "groups": ["${group}"]}`);
  expect([un.status, un.text]).toEqual([200, ""]);
  expect(strategyId()).toEqual([null, null, null]);
});

test("an unknown guid → 404 {error} and nothing changes; a missing array → 400", async () => {
  const [s] = await strategies();
  const device = ((await env.jsonHeaders("GET", "/api/devices?id=111111111&pageSize=50")).json() as { data: { guid: string }[] }).data[0]!.guid;
  const r = await env.json("POST", "/api/strategies/assign", `{"strategy": "${s!.guid}", "peers": ["${device}", "01a21c1c-0000-7000-8000-000000000000"], "users": [], "groups": []}`);
  expect([r.status, r.json()]).toEqual([404, { error: "device 01a21c1c-0000-7000-8000-000000000000 not found" }]);
  expect(env.db.select().from(devices).where(eq(devices.rdId, "111111111")).get()!.strategyId).toBeNull();
  expect((await env.json("POST", "/api/strategies/assign", `{"strategy": "${s!.guid}", "peers": ["${device}"]}`)).status).toBe(400);
});
