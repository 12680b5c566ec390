// devices.py (pro-admin-api §5) replayed: each sub-command's requests as the script sends them, and what
// it reads back: status exactly 200, {total, data} with guid, id and a naive-UTC last_online.
import { afterAll, describe, expect, test } from "bun:test";
import { abPeers, devices } from "../../src/db/schema.ts";
import { proEnv } from "./_pro-setup.ts";

const env = proEnv();
afterAll(() => env.close());
type Row = Record<string, unknown> & { guid: string; id: string; last_online: string };
const list = async (query: string) => {
  const r = await env.bare("GET", `/api/devices?${query}`);
  expect(r.status).toBe(200);
  return r.json() as { total: number; data: Row[] };
};

describe("view", () => {
  test("each filter wrapped in %…% (devices.py:28-33), pageSize=30 and current=k; last_online naive UTC, never null", async () => {
    const all = await list("pageSize=30&current=1");
    expect(all.total).toBe(3);
    expect(all.data.map((d) => d.id)).toEqual(["111111111", "222222222", "333333333"]);
    for (const d of all.data) {
      expect(d.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      // Never seen: the registration time, in the one format devices.py parses (%Y-%m-%dT%H:%M:%S after cutting at ".").
      expect(d.last_online).toBe("2026-11-22T12:00:00.000");
    }
    expect(all.data[0]).toMatchObject({ status: 1, user_name: "", group_name: "", device_group_name: "", info: { device_name: "Ops box", username: "joe", os: "linux" } });
    expect((await list("id=%25111%25&pageSize=30&current=1")).data.map((d) => d.id)).toEqual(["111111111"]);
    expect((await list("device_name=%25ops+box%25&pageSize=30&current=1")).data.map((d) => d.id)).toEqual(["111111111"]);
    expect((await list("user_name=-&pageSize=30&current=1")).total).toBe(3);
  });

  test("the paging loop: short page or current × pageSize ≥ total; pageSize honoured", async () => {
    const p1 = await list("pageSize=2&current=1");
    const p2 = await list("pageSize=2&current=2");
    expect([p1.total, p1.data.length, p2.data.length]).toEqual([3, 2, 1]);
    expect([...p1.data, ...p2.data].map((d) => d.id)).toEqual(["111111111", "222222222", "333333333"]);
    expect((await list("pageSize=2&current=9")).data).toEqual([]);
  });
});

describe("assign (devices.py:107-126: POST {\"type\", \"value\"})", () => {
  test.each([
    ["user_name", "bob", { user_name: "bob", group_name: "Ops" }],
    ["device_group_name", "Kiosks", { device_group_name: "Kiosks" }],
    ["strategy_name", "Locked", { strategy_name: "Locked" }],
    ["note", "note1", { note: "note1" }],
    ["device_username", "username1", { info: expect.objectContaining({ username: "username1" }) }],
    ["device_name", "name1", { info: expect.objectContaining({ device_name: "name1" }) }],
  ])("%s=%s → 200, empty body; the list shows it", async (type, value, shown) => {
    const guid = await env.guidOf("/api/devices?id=%25111111111%25&pageSize=30&current=1", "id", "111111111");
    const r = await env.json("POST", `/api/devices/${guid}/assign`, `{"type": "${type}", "value": "${value}"}`);
    expect([r.status, r.text]).toEqual([200, ""]);
    expect((await list("id=%25111111111%25&pageSize=30&current=1")).data[0]).toMatchObject(shown);
  });

  test("the filters then find it: user_name, group_name (the owner's user group), device_group_name, device_name", async () => {
    const q = "user_name=%25bob%25&group_name=%25Ops%25&device_group_name=%25Kiosks%25&device_name=%25name1%25&pageSize=30&current=1";
    expect((await list(q)).data.map((d) => d.id)).toEqual(["111111111"]);
  });

  test("ab=<book>,<tag>,<alias>,<password>,<note> puts the device in the shared book; \"\" clears the user", async () => {
    const guid = await env.guidOf("/api/devices?pageSize=30&current=1", "id", "222222222");
    expect((await env.json("POST", `/api/devices/${guid}/assign`, '{"type": "ab", "value": "Ops team,tag1,alias1,password1,note1"}')).status).toBe(200);
    const peer = env.db.select().from(abPeers).all().find((p) => p.peerId === "222222222");
    expect(peer).toMatchObject({ alias: "alias1", tags: ["tag1"] });
    const g1 = await env.guidOf("/api/devices?pageSize=30&current=1", "id", "111111111");
    expect((await env.json("POST", `/api/devices/${g1}/assign`, '{"type": "user_name", "value": ""}')).status).toBe(200);
    expect((await list("id=%25111111111%25&pageSize=30&current=1")).data[0]).toMatchObject({ user_name: "", group_name: "" });
  });

  test("an unknown user, type or device → 4xx {error}", async () => {
    const guid = await env.guidOf("/api/devices?pageSize=30&current=1", "id", "111111111");
    for (const [path, body] of [
      [`/api/devices/${guid}/assign`, '{"type": "user_name", "value": "nobody"}'],
      [`/api/devices/${guid}/assign`, '{"type": "colour", "value": "red"}'],
      ["/api/devices/01a21c1c-0000-7000-8000-000000000000/assign", '{"type": "note", "value": "x"}'],
    ]) {
      const r = await env.json("POST", path!, body!);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.json()).toEqual({ error: expect.any(String) });
    }
  });
});

describe("disable, enable, delete (body-less, Content-Length: 0)", () => {
  test("delete needs a disabled device (as Pro); disable then delete → 200 and it is gone", async () => {
    const guid = await env.guidOf("/api/devices?pageSize=30&current=1", "id", "333333333");
    const refused = await env.bare("DELETE", `/api/devices/${guid}`);
    expect([refused.status, refused.json()]).toEqual([400, { error: "device 333333333 is enabled: disable it before deleting it" }]);
    expect((await env.bare("POST", `/api/devices/${guid}/disable`))).toMatchObject({ status: 200, text: "" });
    expect((await list("id=%25333%25&pageSize=30&current=1")).data[0]!.status).toBe(0);
    expect((await env.bare("POST", `/api/devices/${guid}/enable`))).toMatchObject({ status: 200, text: "" });
    expect((await list("id=%25333%25&pageSize=30&current=1")).data[0]!.status).toBe(1);
    await env.bare("POST", `/api/devices/${guid}/disable`);
    expect((await env.bare("DELETE", `/api/devices/${guid}`))).toMatchObject({ status: 200, text: "" });
    expect(env.db.select().from(devices).all().map((d) => d.rdId)).toEqual(["111111111", "222222222"]);
  });

  test("/api/devices/cli stays the client's enrolment route", async () => {
    const r = await env.bare("POST", "/api/devices/cli");
    expect(r.text).toStartWith("error:");
  });
});
