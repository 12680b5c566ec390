// T8/T9 (client-contract.md): sysinfo, heartbeat and the group view, replayed as the client sends them
// (Rust bodies with sorted keys, no Authorization; group view GETs with the Bearer header only).
import { afterAll, describe, expect, test } from "bun:test";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { disconnectDevice, setDevice } from "../../src/devices/service.ts";
import { setGroupAccess } from "../../src/groups/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody, UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
const RUST = { "content-type": "application/json" };
const post = (path: string, raw: string) => call(env.app, "POST", path, { raw, headers: RUST });

const SYSINFO = `{"cpu":"Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz, 3.12GHz, 12/6 cores","hostname":"ALICE-PC","id":"123456789","memory":"15.89GB","os":"windows / Windows 10 Pro - 10 (19045)","preset-address-book-name":"Ops team","username":"alice","uuid":"${UUID}","version":"1.4.9"}`;

describe("T9 sysinfo and heartbeat", () => {
  test("heartbeat from an unknown device → {\"sysinfo\":true}", async () => {
    const r = await post("/api/heartbeat", `{"id":"123456789","modified_at":0,"uuid":"${UUID}","ver":1004090}`);
    expect([r.status, r.text]).toEqual([200, '{"sysinfo":true}']);
  });

  test("POST /api/sysinfo → 200 text/plain SYSINFO_UPDATED, byte for byte", async () => {
    const r = await post("/api/sysinfo", SYSINFO);
    expect(r.status).toBe(200);
    expect(r.text).toBe("SYSINFO_UPDATED");
    expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  test("idle heartbeat of a known device → {}", async () => {
    const r = await post("/api/heartbeat", `{"id":"123456789","modified_at":0,"uuid":"${UUID}","ver":1004090}`);
    expect([r.status, r.text]).toEqual([200, "{}"]);
  });

  test("busy heartbeat: a queued disconnect is delivered, then cleared once the connection is gone", async () => {
    expect((await post("/api/heartbeat", `{"conns":[3,4],"id":"123456789","modified_at":0,"uuid":"${UUID}","ver":1004090}`)).text).toBe("{}");
    env.devicesFlush();
    disconnectDevice(env.ctx, "123456789", 4);
    expect((await post("/api/heartbeat", `{"conns":[3,4],"id":"123456789","modified_at":1755800000,"uuid":"${UUID}","ver":1004090}`)).text).toBe('{"disconnect":[4]}');
    expect((await post("/api/heartbeat", `{"conns":[3],"id":"123456789","modified_at":1755800000,"uuid":"${UUID}","ver":1004090}`)).text).toBe("{}");
    expect((await post("/api/heartbeat", `{"conns":[3],"id":"123456789","modified_at":1755800000,"uuid":"${UUID}","ver":1004090}`)).text).toBe("{}");
  });

  test("a stale stored sysinfo is asked for again", async () => {
    env.advance(25 * 3_600_000);
    expect((await post("/api/heartbeat", `{"id":"123456789","modified_at":0,"uuid":"${UUID}","ver":1004090}`)).text).toBe('{"sysinfo":true}');
    expect((await post("/api/sysinfo", SYSINFO)).text).toBe("SYSINFO_UPDATED");
    expect((await post("/api/heartbeat", `{"id":"123456789","modified_at":0,"uuid":"${UUID}","ver":1004090}`)).text).toBe("{}");
  });
});

describe("T8 group view", () => {
  test("device groups, users and peers exactly as the client parses them", async () => {
    await createUser(env.ctx, { name: "alice", password: "alice-password", email: "alice@example.com", displayName: "Alice" });
    createDeviceGroup(env.ctx, { name: "Servers" });
    setDevice(env.ctx, "123456789", { owner: "alice", group: "Servers" });
    setGroupAccess(env.ctx, "Default", { deviceGroups: ["Servers"] });
    const login = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password"), headers: DART_JSON });
    const { access_token, user } = login.json() as { access_token: string; user: { name: string } };
    expect(user.name).toBe("alice");
    const get = (path: string) => call(env.app, "GET", path, { headers: { authorization: `Bearer ${access_token}` } });
    const guid = (env.db.select().from((await import("../../src/db/schema.ts")).users).get() as { guid: string }).guid;

    expect(await get("/api/device-group/accessible?current=1&pageSize=100").then((r) => [r.status, r.text])).toEqual([200, '{"total":1,"data":[{"name":"Servers"}]}']);
    expect(await get("/api/users?current=1&pageSize=100&accessible=&status=1").then((r) => [r.status, r.text])).toEqual([
      200,
      '{"total":1,"data":[{"name":"alice","display_name":"Alice","email":"alice@example.com","note":"","status":1,"is_admin":false}]}',
    ]);
    expect(await get("/api/peers?current=1&pageSize=100&accessible=&status=1").then((r) => [r.status, r.text])).toEqual([
      200,
      `{"total":1,"data":[{"id":"123456789","info":{"username":"alice","os":"windows / Windows 10 Pro - 10 (19045)","device_name":"ALICE-PC"},"status":1,"user":"${guid}","user_name":"alice","device_group_name":"Servers","note":""}]}`,
    ]);
    expect((await call(env.app, "GET", "/api/peers?current=1&pageSize=100&accessible=&status=1", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });
});

test("POST /api/sysinfo_ver (pre-2025 clients, empty body) → a plain-text version, stable within one server run", async () => {
  const a = await call(env.app, "POST", "/api/sysinfo_ver", { raw: "", headers: { "content-length": "0" } });
  const b = await call(env.app, "POST", "/api/sysinfo_ver", { raw: "" });
  expect(a.status).toBe(200);
  expect(a.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  expect(a.text).toMatch(/^\d+\.\d+\.\d+-\d+$/);
  expect(b.text).toBe(a.text);
});
