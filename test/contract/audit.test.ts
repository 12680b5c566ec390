// T10/T11 (client-contract.md §9): device audit posts as the Rust client sends them (sorted keys, no
// Authorization), the controller's note by session id, the conn/active guid lookup and PUT /api/audit.
import { afterAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { alarmAudit, connAudit, consoleAudit, fileAudit } from "../../src/db/schema.ts";
import { setDevice } from "../../src/devices/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody, UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
const RUST = { "content-type": "application/json" };
const post = (path: string, raw: string) => call(env.app, "POST", path, { raw, headers: RUST });
const SESSION = "17212712360522741029"; // above 2^63
const N = (i: number) => `0c6d8d3e-5b7a-4c1e-9d2f-1a2b3c4d5e${String(i).padStart(2, "0")}`;

await createUser(env.ctx, { name: "alice", password: "alice-password" });
await createUser(env.ctx, { name: "mallory", password: "mallory-password" });
const { removeUserFromGroup } = await import("../../src/groups/service.ts");
removeUserFromGroup(env.ctx, "Default", "mallory");
await post("/api/sysinfo", `{"hostname":"ALICE-PC","id":"123456789","os":"windows / Windows 11","username":"alice","uuid":"${UUID}","version":"1.4.9"}`);
setDevice(env.ctx, "123456789", { owner: "alice" });
const token = async (name: string) =>
  ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody(name, `${name}-password`), headers: DART_JSON })).json() as { access_token: string }).access_token;
const alice = await token("alice");
const mallory = await token("mallory");
const active = (bearer: string, session = SESSION) =>
  call(env.app, "GET", `/api/audit/conn/active?id=123456789&session_id=${session}&conn_type=0`, { headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" } });

describe("T10 device side", () => {
  test("the three connection events → 200 with an empty body each, merged into one record", async () => {
    const opened = await post("/api/audit/conn", `{"action":"new","conn_id":3,"id":"123456789","ip":"203.0.113.7","nonce":"${N(1)}","session_id":0,"uuid":"${UUID}"}`);
    expect([opened.status, opened.text]).toEqual([200, ""]);
    expect(await active(alice)).toMatchObject({ status: 200, text: "null" }); // not authorised yet: the client retries
    env.advance(2_000);
    const authorised = await post("/api/audit/conn", `{"conn_id":3,"id":"123456789","nonce":"${N(2)}","peer":["987654321","Bob"],"primary_auth":2,"session_id":${SESSION},"type":0,"uuid":"${UUID}"}`);
    expect([authorised.status, authorised.text]).toEqual([200, ""]);
    env.advance(60_000);
    const closed = await post("/api/audit/conn", `{"action":"close","conn_id":3,"id":"123456789","nonce":"${N(3)}","session_id":${SESSION},"uuid":"${UUID}"}`);
    expect([closed.status, closed.text]).toEqual([200, ""]);
    const rows = env.db.select().from(connAudit).all();
    expect(rows).toHaveLength(1);
    const t0 = Date.parse("2026-11-22T12:00:00Z");
    expect(rows[0]).toMatchObject({ rdId: "123456789", connId: 3, sessionId: SESSION, peerId: "987654321", peerName: "Bob", connType: 0, primaryAuth: 2, twoFactor: null, ip: "203.0.113.7", openedAt: t0, authorizedAt: t0 + 2_000, closedAt: t0 + 62_000 });
  });

  test("a repeated nonce is answered 200 and stored once", async () => {
    const body = `{"conn_id":5,"id":"123456789","info":"{\\"ip\\":\\"198.51.100.9\\"}","nonce":"${N(4)}","typ":0,"uuid":"${UUID}"}`;
    for (let i = 0; i < 3; i++) expect(await post("/api/audit/alarm", body)).toMatchObject({ status: 200, text: "" });
    expect(env.db.select().from(alarmAudit).all()).toMatchObject([{ rdId: "123456789", connId: 5, typ: 0, info: { ip: "198.51.100.9" }, ip: "198.51.100.9", infoRaw: null }]);
  });

  test("file transfer: info decoded, its raw text kept only when it does not decode", async () => {
    const r = await post(
      "/api/audit/file",
      `{"conn_id":3,"id":"123456789","info":"{\\"files\\":[[\\"report.pdf\\",48213]],\\"ip\\":\\"203.0.113.7\\",\\"name\\":\\"Bob\\",\\"num\\":1}","is_file":false,"nonce":"${N(5)}","path":"C:\\\\Users\\\\alice\\\\Documents","peer_id":"987654321","type":0,"uuid":"${UUID}"}`,
    );
    expect([r.status, r.text]).toEqual([200, ""]);
    await post("/api/audit/file", `{"conn_id":3,"id":"123456789","info":"not json","is_file":true,"nonce":"${N(6)}","path":"/tmp/x","peer_id":"987654321","type":1,"uuid":"${UUID}"}`);
    expect(env.db.select().from(fileAudit).all()).toMatchObject([
      { peerId: "987654321", peerName: "Bob", direction: 0, path: "C:\\Users\\alice\\Documents", isFile: false, files: [["report.pdf", 48213]], fileCount: 1, ip: "203.0.113.7", infoRaw: null },
      { direction: 1, path: "/tmp/x", isFile: true, files: [], infoRaw: "not json" },
    ]);
  });

  test("an unknown device, or a known id with another uuid, is refused and nothing is stored", async () => {
    const before = env.db.select().from(alarmAudit).all().length;
    for (const [id, uuid] of [["555555555", UUID], ["123456789", "b3RoZXI="]]) {
      const r = await post("/api/audit/alarm", `{"conn_id":1,"id":"${id}","info":"{}","nonce":"${N(7)}","typ":1,"uuid":"${uuid}"}`);
      expect([r.status, r.text]).toEqual([403, '{"error":"unknown device"}']);
    }
    expect(env.db.select().from(alarmAudit).all()).toHaveLength(before);
  });
});

describe("T11 controller side", () => {
  test("in-session note by session id → 200; the record carries it", async () => {
    const r = await post("/api/audit/conn", `{"id":"123456789","note":"replaced toner","session_id":${SESSION}}`);
    expect([r.status, r.text]).toEqual([200, ""]);
    expect(env.db.select().from(connAudit).get()!.note).toBe("replaced toner");
  });

  test("conn/active → the bare JSON string guid; null for a user who may not see the device", async () => {
    const guid = env.db.select().from(connAudit).get()!.guid;
    const r = await active(alice);
    expect([r.status, r.text, r.headers.get("content-type")]).toEqual([200, JSON.stringify(guid), "application/json; charset=utf-8"]);
    expect((await active(mallory)).text).toBe("null");
    expect((await active(alice, "17212712360522741028")).text).toBe("null");
  });

  test("PUT /api/audit {guid, note} → 200; 404 for a user who may not see it", async () => {
    const guid = env.db.select().from(connAudit).get()!.guid;
    const put = (bearer: string) => call(env.app, "PUT", "/api/audit", { raw: JSON.stringify({ guid, note: "done, rebooted" }), headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" } });
    expect(await put(mallory)).toMatchObject({ status: 404, text: '{"error":"no such connection record"}' });
    expect(await put(alice)).toMatchObject({ status: 200, text: "" });
    expect(env.db.select().from(connAudit).get()!.note).toBe("done, rebooted");
    // Editing an audit record is itself in the console audit: who, which record, what note.
    const row = env.db.select().from(consoleAudit).where(eq(consoleAudit.action, "audit.note")).all();
    expect(row.map((r) => [r.actorName, r.targetType, r.targetGuid, r.targetName, r.details])).toEqual([["alice", "conn_audit", guid, "123456789", { note: "done, rebooted" }]]);
  });
});

test("bad input on every audit endpoint → 4xx JSON, never 5xx", async () => {
  const cases: [string, string][] = [
    ["/api/audit/conn", "{oops"],
    ["/api/audit/conn", "[]"],
    ["/api/audit/conn", `{"action":"new","conn_id":"3","id":"123456789","uuid":"${UUID}"}`],
    ["/api/audit/conn", `{"action":"open","conn_id":3,"id":"123456789","uuid":"${UUID}"}`],
    ["/api/audit/conn", `{"conn_id":3,"id":"123456789","uuid":"${UUID}"}`],
    ["/api/audit/conn", `{"action":"close","conn_id":3,"id":"123456789","session_id":184467440737095516150,"uuid":"${UUID}"}`],
    ["/api/audit/conn", `{"id":"123456789","note":"x","session_id":-1}`],
    ["/api/audit/conn", `{"id":"123456789","note":"x","session_id":1}`],
    ["/api/audit/file", `{"id":"123456789","type":7,"uuid":"${UUID}"}`],
    ["/api/audit/file", `{"id":"123456789","info":{"files":[]},"type":0,"uuid":"${UUID}"}`],
    ["/api/audit/alarm", `{"id":"123456789","typ":1000,"uuid":"${UUID}"}`],
    ["/api/audit/alarm", `{"id":"123456789","nonce":7,"typ":1,"uuid":"${UUID}"}`],
  ];
  for (const [path, raw] of cases) {
    const r = await post(path, raw);
    expect([path, raw, r.status >= 400 && r.status < 500, typeof (r.json() as { error?: unknown }).error]).toEqual([path, raw, true, "string"]);
  }
  const q = await call(env.app, "GET", "/api/audit/conn/active?id=123456789&session_id=abc&conn_type=0", { headers: { authorization: `Bearer ${alice}` } });
  expect(q.status).toBe(400);
  expect((await call(env.app, "GET", "/api/audit/conn/active?id=1&session_id=1")).status).toBe(401);
  expect(await call(env.app, "POST", "/lic/web/api/plugin-sign", { raw: "{}", headers: RUST })).toMatchObject({ status: 404, text: '{"error":"plugin signing is not supported by this server"}' });
});

test("over a socket, as the client sends it (Content-Length, u64 session id kept exact)", async () => {
  const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    const url = `http://127.0.0.1:${server.server!.port}/api/audit/conn`;
    const send = (body: string) => fetch(url, { method: "POST", body, headers: RUST }).then(async (r) => [r.status, await r.text()]);
    expect(await send(`{"action":"new","conn_id":9,"id":"123456789","ip":"203.0.113.8","nonce":"${N(20)}","session_id":0,"uuid":"${UUID}"}`)).toEqual([200, ""]);
    expect(await send(`{"conn_id":9,"id":"123456789","nonce":"${N(21)}","peer":["987654321","Bob"],"session_id":18446744073709551615,"type":4,"two_factor":1,"primary_auth":3,"uuid":"${UUID}"}`)).toEqual([200, ""]);
    const { desc } = await import("drizzle-orm");
    expect(env.db.select().from(connAudit).orderBy(desc(connAudit.id)).get()).toMatchObject({ connId: 9, sessionId: "18446744073709551615", connType: 4, primaryAuth: 3, twoFactor: 1 });
  } finally {
    server.stop(true);
  }
});
