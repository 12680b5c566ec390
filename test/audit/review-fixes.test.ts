// Hostile or odd device audit input, event merging edge cases, the follow cursor, and records of a
// deleted device.
import { expect, test } from "bun:test";
import { readLog } from "../../src/audit/read.ts";
import { alarmAudit, connAudit, fileAudit } from "../../src/db/schema.ts";
import { deleteDevice, setDevice } from "../../src/devices/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

function setup(overrides: Record<string, string> = {}) {
  const env = testEnv(overrides);
  const post = async (path: string, body: unknown) => {
    const r = await call(env.app, "POST", path, { raw: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
    return `${r.status} ${r.text}`;
  };
  return { env, post };
}

test("an alarm whose info has a __proto__ key is stored like any other key; sizes are capped", async () => {
  const { env, post } = setup();
  await post("/api/sysinfo", { id: "100", uuid: "dQ==" });
  expect(await post("/api/audit/alarm", { id: "100", info: `{"__proto__":null,"ip":"1.2.3.4","${"k".repeat(80)}":"${"v".repeat(500)}"}`, typ: 1, uuid: "dQ==" })).toBe("200 ");
  const info = env.db.select().from(alarmAudit).get()!.info;
  expect(Object.keys(info).sort()).toEqual(["__proto__", "ip", "k".repeat(50)].sort());
  expect(info["k".repeat(50)]).toBe("v".repeat(300));
  const files = Array.from({ length: 50 }, (_, i) => [`${"n".repeat(400)}${i}`, i]);
  expect(await post("/api/audit/file", { id: "100", info: JSON.stringify({ files, num: 50 }), path: "p".repeat(5000), type: 0, uuid: "dQ==" })).toBe("200 ");
  const row = env.db.select().from(fileAudit).get()!;
  expect([row.files.length, row.files[0]![0].length, row.path.length, row.fileCount]).toEqual([10, 260, 1000, 50]);
  env.close();
});

test("disabled and not-yet-approved devices are not heard; the limits answer 429", async () => {
  const { env, post } = setup({ "devices.registration": "approval", "audit.device_posts_per_minute": "3" });
  await post("/api/sysinfo", { id: "200", uuid: "dQ==" });
  expect(await post("/api/audit/alarm", { id: "200", info: "{}", typ: 1, uuid: "dQ==" })).toBe('403 {"error":"unknown device"}');
  const { approveDevice } = await import("../../src/devices/service.ts");
  approveDevice(env.ctx, "200");
  for (let i = 0; i < 3; i++) expect(await post("/api/audit/alarm", { id: "200", info: "{}", typ: 1, uuid: "dQ==" })).toBe("200 ");
  expect(await post("/api/audit/alarm", { id: "200", info: "{}", typ: 1, uuid: "dQ==" })).toBe('429 {"error":"too many audit posts; retry later"}');
  expect(await post("/api/audit/conn", { id: "200", note: "x", session_id: 1 })).toBe('404 {"error":"no connection with this session id"}');
  for (let i = 0; i < 2; i++) await post("/api/audit/conn", { id: "200", note: "x", session_id: 1 });
  expect(await post("/api/audit/conn", { id: "200", note: "x", session_id: 1 })).toBe('429 {"error":"too many audit posts; retry later"}');
  env.close();
});

test("close matches its session; a leftover 'new' from before a client restart is not merged into", async () => {
  const { env, post } = setup();
  await post("/api/sysinfo", { id: "300", uuid: "dQ==" });
  const conn = (extra: Record<string, unknown>) => post("/api/audit/conn", { conn_id: 6, id: "300", uuid: "dQ==", ...extra });
  await conn({ action: "new", session_id: 0, ip: "10.0.0.1" });
  await conn({ peer: ["1", "A"], session_id: 222, type: 0 });
  env.advance(86_400_000); // the client restarts; its conn ids start over
  await conn({ action: "new", session_id: 0, ip: "10.0.0.2" });
  env.advance(300_000); // that connection was never authorised
  await conn({ peer: ["2", "B"], session_id: 333, type: 0 }); // its "new" was lost
  await conn({ action: "close", session_id: 333 });
  const rows = env.db.select().from(connAudit).all().map((r) => [r.sessionId, r.ip, r.peerId, r.closedAt !== null]);
  expect(rows).toEqual([
    ["222", "10.0.0.1", "1", false],
    ["0", "10.0.0.2", null, false],
    ["333", null, "2", true],
  ]);
  env.close();
});

test("a follower reads changes in order, oldest first, in pages; nothing is skipped", async () => {
  const { env, post } = setup();
  await post("/api/sysinfo", { id: "400", uuid: "dQ==" });
  for (let i = 0; i < 25; i++) await post("/api/audit/conn", { action: "new", conn_id: i, id: "400", session_id: 0, uuid: "dQ==" });
  await post("/api/audit/conn", { action: "close", conn_id: 3, id: "400", session_id: 0, uuid: "dQ==" }); // changes an old row
  const seen: number[] = [];
  let cursor = 0;
  for (;;) {
    const page = readLog(env.ctx, { type: "conn", after: cursor, limit: 10 });
    seen.push(...page.map((e) => e.details.conn_id as number));
    if (page.length < 10) break;
    cursor = page.at(-1)!.position;
  }
  expect(seen).toEqual([...Array.from({ length: 25 }, (_, i) => i).filter((i) => i !== 3), 3]);
  env.close();
});

test("records of a deleted device are not handed to the owner of the ID registered again", async () => {
  const { env, post } = setup();
  await createUser(env.ctx, { name: "carol", password: "carol-password" });
  await post("/api/sysinfo", { id: "500", uuid: "dQ==" });
  await post("/api/audit/conn", { conn_id: 1, id: "500", peer: ["9", "Z"], session_id: 77, type: 0, uuid: "dQ==" });
  deleteDevice(env.ctx, "500");
  await post("/api/sysinfo", { id: "500", uuid: "bmV3" });
  setDevice(env.ctx, "500", { owner: "carol" });
  const token = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("carol", "carol-password"), headers: DART_JSON })).json() as { access_token: string }).access_token;
  const r = await call(env.app, "GET", "/api/audit/conn/active?id=500&session_id=77&conn_type=0", { headers: { authorization: `Bearer ${token}` } });
  expect([r.status, r.text]).toEqual([200, "null"]);
  env.close();
});
