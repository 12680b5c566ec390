// Wrong types and foreign device IDs are refused (issue 13 §3): every field the client documents
// for sysinfo, heartbeat and the audit posts is checked against its type, and device IDs are what
// the client can have. What the stock client sends still passes (test/contract covers it in full).
import { afterAll, describe, expect, test } from "bun:test";
import { isDeviceId } from "../../src/net/device-id.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const UUID = "YzdmNmUxZjAtMmI0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi";
const env = testEnv();
afterAll(() => env.close());
const post = async (path: string, body: unknown) => {
  const r = await call(env.app, "POST", path, { raw: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
  return { status: r.status, text: r.text };
};

const SYSINFO = { cpu: "Intel, 3.12GHz, 12/6 cores", hostname: "ALICE-PC", id: "123456789", memory: "15.89GB", os: "windows / Windows 10 Pro", username: "alice", uuid: UUID, version: "1.4.9" };
expect((await post("/api/sysinfo", SYSINFO)).text).toBe("SYSINFO_UPDATED");

describe("sysinfo", () => {
  test.each([
    ["hostname", {}],
    ["version", null],
    ["cpu", 5],
    ["username", ["alice"]],
    ["preset-address-book-name", true],
    ["preset-device-group-name", 1],
  ])('"%s": %p → 400', async (key, value) => {
    const r = await post("/api/sysinfo", { ...SYSINFO, [key]: value });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toContain(key);
  });

  test("only the documented keys are typed: unknown keys pass, optional ones may be absent", async () => {
    const { username: _u, ...noUser } = SYSINFO;
    expect((await post("/api/sysinfo", { ...noUser, "some-future-key": { any: 1 } })).text).toBe("SYSINFO_UPDATED");
  });
});

describe("heartbeat", () => {
  const BEAT = { id: "123456789", modified_at: 0, uuid: UUID, ver: 1004090 };
  test.each([
    ["modified_at", "0"],
    ["modified_at", 1.5],
    ["ver", null],
    ["conns", [1, "2"]],
    ["conns", [2 ** 31]],
    ["id", 123456789],
  ])('"%s": %p → 400', async (key, value) => {
    const r = await post("/api/heartbeat", { ...BEAT, [key]: value });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toContain(key);
  });

  test("the stock client's beats pass", async () => {
    expect((await post("/api/heartbeat", BEAT)).status).toBe(200);
    expect((await post("/api/heartbeat", { conns: [3, 4], ...BEAT, modified_at: 1755800000 })).status).toBe(200);
  });
});

describe("audit posts", () => {
  const CONN = { action: "new", conn_id: 3, id: "123456789", ip: "203.0.113.7", nonce: "0c6d8d3e-5b7a-4c1e-9d2f-1a2b3c4d5e6f", session_id: 0, uuid: UUID };
  const AUTHORISED = { conn_id: 3, id: "123456789", peer: ["987654321", "Bob"], primary_auth: 2, session_id: 5, type: 0, uuid: UUID };
  const FILE = { conn_id: 3, id: "123456789", info: '{"files":[["report.pdf",48213]]}', is_file: false, path: "C:\\Users", peer_id: "987654321", type: 0, uuid: UUID };
  const ALARM = { conn_id: 5, id: "123456789", info: '{"ip":"198.51.100.9"}', typ: 0, uuid: UUID };
  test.each([
    ["/api/audit/file", FILE, "is_file", "s"],
    ["/api/audit/file", FILE, "path", 5],
    ["/api/audit/file", FILE, "peer_id", 987654321],
    ["/api/audit/file", FILE, "info", { files: [] }],
    ["/api/audit/file", FILE, "conn_id", "3"],
    ["/api/audit/file", FILE, "nonce", 7],
    ["/api/audit/conn", CONN, "ip", 7],
    ["/api/audit/conn", CONN, "conn_audit_ref", {}],
    ["/api/audit/conn", CONN, "conn_id", 2 ** 31],
    ["/api/audit/conn", AUTHORISED, "peer", "987654321"],
    ["/api/audit/conn", AUTHORISED, "peer", ["987654321", 5]],
    ["/api/audit/conn", AUTHORISED, "type", "0"],
    ["/api/audit/conn", AUTHORISED, "primary_auth", true],
    ["/api/audit/conn", AUTHORISED, "two_factor", 1.5],
    ["/api/audit/alarm", ALARM, "typ", "0"],
    ["/api/audit/alarm", ALARM, "conn_audit_ref", 1],
  ])('%s "%s" = %p → 400', async (path, body, key, value) => {
    const r = await post(path, { ...body, [key]: value });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toContain(key);
  });

  test.each([
    ["/api/audit/conn", CONN],
    ["/api/audit/conn", AUTHORISED],
    ["/api/audit/file", FILE],
    ["/api/audit/alarm", ALARM],
    ["/api/audit/alarm", { ...ALARM, conn_audit_ref: "ref-1" }],
  ])("%s: the stock shape passes", async (path, body) => {
    expect(await post(path, body)).toEqual({ status: 200, text: "" });
  });

  test("a u64 session id above 2^63 still passes (sent as a number)", async () => {
    const r = await post("/api/audit/conn", `{"action":"close","conn_id":3,"id":"123456789","session_id":17212712360522741029,"uuid":"${UUID}"}`);
    expect(r).toEqual({ status: 200, text: "" });
  });
});

describe("device IDs", () => {
  test.each([
    ["generated (decimal)", "123456789"],
    ["generated on mobile", "1987654321"],
    ["custom", "alice_pc-01"],
    ["custom with Unicode letters (Rust's \\w)", "Büro_PC1"],
    ["host name as ID", "build-host.example"],
  ])("%s: %s is accepted", (_name, id) => expect(isDeviceId(id)).toBe(true));

  test.each([
    ["bidi override U+202E", "abc\u202Edef"],
    ["replacement character U+FFFD", "abc\uFFFD"],
    ["emoji", "pc🙂"],
    ["zero-width joiner", "ab\u200Dcd"],
    ["space", "my pc"],
    ["control character", "pc\u0007"],
    ["empty", ""],
    ["leading dash", "-pc"],
    ["101 characters", "a".repeat(101)],
    ["a path", "../etc"],
  ])("%s is refused", (_name, id) => expect(isDeviceId(id)).toBe(false));

  test.each([
    ["/api/sysinfo", (id: string) => ({ ...SYSINFO, id, uuid: "bmV3" })],
    ["/api/heartbeat", (id: string) => ({ id, modified_at: 0, uuid: UUID, ver: 1004090 })],
    ["/api/audit/conn", (id: string) => ({ action: "new", conn_id: 1, id, session_id: 0, uuid: UUID })],
    ["/api/audit/conn", (id: string) => ({ id, note: "x", session_id: 5 })],
    ["/api/audit/file", (id: string) => ({ conn_id: 1, id, type: 0, uuid: UUID })],
    ["/api/audit/alarm", (id: string) => ({ conn_id: 1, id, typ: 0, uuid: UUID })],
  ])("%s refuses U+202E, U+FFFD and emoji in id with 400", async (path, body) => {
    for (const id of ["abc\u202Edef", "abc\uFFFD", "pc🙂"]) {
      const r = await post(path, body(id));
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text).error).toContain("id");
    }
  });
});
