import { describe, expect, test } from "bun:test";
import { createSharedBook } from "../../src/addressbook/books.ts";
import { peersOf } from "../../src/addressbook/peers.ts";
import { consoleAudit, devices } from "../../src/db/schema.ts";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { approveDevice, disableDevice, getDevice, rekeyDevice } from "../../src/devices/service.ts";
import { createUser } from "../../src/users/service.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const RUST = { "content-type": "application/json" };
const sysinfo = (id: string, uuid: string, extra: Record<string, string> = {}) => JSON.stringify({ cpu: "x", hostname: `host-${id}`, id, memory: "1GB", os: "linux / Debian 12", username: "u", uuid, version: "1.4.9", ...extra });
const beat = (id: string, uuid: string, conns?: number[]) => JSON.stringify({ ...(conns ? { conns } : {}), id, modified_at: 0, uuid, ver: 1004090 });

function setup(overrides: Record<string, string> = {}) {
  const env = testEnv(overrides);
  const post = async (path: string, raw: string) => {
    const r = await call(env.app, "POST", path, { raw, headers: RUST });
    return { status: r.status, text: r.text };
  };
  return { env, post, audit: (action: string) => env.db.select().from(consoleAudit).all().filter((r) => r.action === action) };
}

describe("trust on first use of (id, uuid)", () => {
  test("another uuid for a known id is refused and audited; rekey lets the new one in", async () => {
    const { env, post, audit } = setup();
    expect((await post("/api/sysinfo", sysinfo("111", "dXVpZC1h"))).text).toBe("SYSINFO_UPDATED");
    expect(await post("/api/sysinfo", sysinfo("111", "ZXZpbA=="))).toEqual({ status: 200, text: "UUID_MISMATCH" });
    expect(await post("/api/heartbeat", beat("111", "ZXZpbA=="))).toEqual({ status: 200, text: "{}" });
    expect(getDevice(env.ctx, "111").sysinfo.hostname).toBe("host-111");
    expect(audit("device.uuid_mismatch")).toHaveLength(1); // once per device and hour, not per request
    rekeyDevice(env.ctx, "111");
    expect((await post("/api/heartbeat", beat("111", "ZXZpbA=="))).text).toBe('{"sysinfo":true}');
    expect((await post("/api/sysinfo", sysinfo("111", "ZXZpbA=="))).text).toBe("SYSINFO_UPDATED");
    expect((await post("/api/sysinfo", sysinfo("111", "dXVpZC1h"))).text).toBe("UUID_MISMATCH");
  });
});

describe("registration policies", () => {
  test("approval: new devices land disabled and pending; their connections are cut until approved", async () => {
    const { env, post } = setup({ "devices.registration": "approval" });
    expect((await post("/api/sysinfo", sysinfo("222", "dQ=="))).text).toBe("SYSINFO_UPDATED");
    expect(getDevice(env.ctx, "222")).toMatchObject({ enabled: false, pending: true });
    expect((await post("/api/heartbeat", beat("222", "dQ==", [7]))).text).toBe('{"disconnect":[7]}');
    approveDevice(env.ctx, "222");
    expect((await post("/api/heartbeat", beat("222", "dQ==", [7]))).text).toBe("{}");
  });

  test("closed: only pre-registered IDs; approve pre-registers, and the first contact binds the uuid", async () => {
    const { env, post } = setup({ "devices.registration": "closed" });
    expect((await post("/api/sysinfo", sysinfo("333", "dQ=="))).text).toBe("NOT_REGISTERED");
    expect((await post("/api/heartbeat", beat("333", "dQ=="))).text).toBe("{}");
    expect(env.db.select().from(devices).all()).toEqual([]);
    expect(approveDevice(env.ctx, "333")).toBe("preregistered");
    expect((await post("/api/heartbeat", beat("333", "dQ=="))).text).toBe('{"sysinfo":true}');
    expect((await post("/api/sysinfo", sysinfo("333", "dQ=="))).text).toBe("SYSINFO_UPDATED");
    expect((await post("/api/sysinfo", sysinfo("333", "b3RoZXI="))).text).toBe("UUID_MISMATCH");
  });
});

describe("bounded growth", () => {
  test("devices.max: refused past it, logged and audited once", async () => {
    const { env, post, audit } = setup({ "devices.max": "2" });
    for (const id of ["1", "2"]) expect((await post("/api/sysinfo", sysinfo(id, "dQ=="))).text).toBe("SYSINFO_UPDATED");
    for (const id of ["3", "4", "5"]) expect((await post("/api/sysinfo", sysinfo(id, "dQ=="))).text).toBe("DEVICE_LIMIT");
    expect(env.db.select().from(devices).all()).toHaveLength(2);
    expect(audit("device.limit_reached")).toHaveLength(1);
    expect((await post("/api/sysinfo", sysinfo("1", "dQ=="))).text).toBe("SYSINFO_UPDATED"); // known devices still update
  });

  test("new registrations per IP per hour", async () => {
    const { env } = setup({ "devices.registrations_per_ip_per_hour": "3", "server.trusted_proxies": "127.0.0.1/32" });
    const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
    const send = (id: string, ip: string) => fetch(`http://127.0.0.1:${server.server!.port}/api/sysinfo`, { method: "POST", body: sysinfo(id, "dQ=="), headers: { ...RUST, "x-forwarded-for": ip } }).then((r) => r.text());
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await send(`9${i}`, "198.51.100.1"));
    results.push(await send("99", "198.51.100.2"));
    results.push(await send("90", "198.51.100.1")); // already registered: not a new registration
    server.stop(true);
    expect(results).toEqual(["SYSINFO_UPDATED", "SYSINFO_UPDATED", "SYSINFO_UPDATED", "TRY_LATER", "TRY_LATER", "SYSINFO_UPDATED", "SYSINFO_UPDATED"]);
  });

  test("only known sysinfo fields are kept, each bounded", async () => {
    const { env, post } = setup();
    await post("/api/sysinfo", sysinfo("4", "dQ==", { junk: "x".repeat(10), hostname: "h".repeat(1000) }));
    const stored = getDevice(env.ctx, "4").sysinfo;
    expect(stored.junk).toBeUndefined();
    expect(stored.hostname).toHaveLength(256);
  });
});

test("malformed bodies → 4xx with {error}, never 5xx, nothing stored", async () => {
  const { env, post } = setup();
  for (const [path, raw] of [
    ["/api/sysinfo", ""],
    ["/api/sysinfo", "{bad"],
    ["/api/sysinfo", "[]"],
    ["/api/sysinfo", '{"id":"1"}'],
    ["/api/sysinfo", '{"id":5,"uuid":"u"}'],
    ["/api/sysinfo", '{"id":"has space","uuid":"u"}'],
    ["/api/heartbeat", '{"id":"1"}'],
    ["/api/heartbeat", '{"id":"1","uuid":"u","conns":"3"}'],
    ["/api/heartbeat", '{"id":"1","uuid":"u","conns":[1.5]}'],
    ["/api/heartbeat", JSON.stringify({ id: "1", uuid: "u", conns: Array.from({ length: 1001 }, (_, i) => i) })],
  ]) {
    const r = await post(path!, raw!);
    expect([path, raw?.slice(0, 30), r.status >= 400 && r.status < 500]).toEqual([path, raw?.slice(0, 30), true]);
    expect(Object.keys(JSON.parse(r.text))).toEqual(["error"]);
  }
  expect(env.db.select().from(devices).all()).toEqual([]);
});

test("presets: owner, device group and address book applied on first registration, audited either way", async () => {
  const { env, post, audit } = setup();
  await createUser(env.ctx, { name: "alice", password: "alice-password" });
  createDeviceGroup(env.ctx, { name: "Kiosks" });
  const book = createSharedBook(env.ctx, { name: "Ops team", owner: "alice" });
  await post("/api/sysinfo", sysinfo("555", "dQ==", { "preset-user-name": "alice", "preset-device-group-name": "kiosks", "preset-address-book-name": "Ops team", "preset-address-book-tag": "lobby", "preset-address-book-alias": "Front desk", "preset-address-book-password": "s3cret" }));
  expect(getDevice(env.ctx, "555")).toMatchObject({ owner: "alice", group: "Kiosks" });
  expect(peersOf(env.ctx, book)).toMatchObject([{ peerId: "555", alias: "Front desk", tags: ["lobby"], password: "s3cret", hostname: "host-555", platform: "Linux" }]);
  expect(getDevice(env.ctx, "555").sysinfo["preset-address-book-password"]).toBeUndefined(); // not kept
  await post("/api/sysinfo", sysinfo("556", "dQ==", { "preset-user-name": "nobody" }));
  expect(getDevice(env.ctx, "556").owner).toBe("");
  expect(audit("device.preset").map((r) => `${r.details.preset}:${r.details.applied}`)).toEqual(["user:true", "device_group:true", "address_book:true", "user:false"]);
});

test("presence is written in batches: nothing per heartbeat, everything at the flush", async () => {
  const { env, post } = setup();
  await post("/api/sysinfo", sysinfo("777", "dQ=="));
  const registered = getDevice(env.ctx, "777").lastSeenAt;
  env.advance(5000);
  await post("/api/heartbeat", beat("777", "dQ==", [1, 2]));
  expect(getDevice(env.ctx, "777")).toMatchObject({ lastSeenAt: registered, conns: [] });
  expect(env.devicesFlush()).toBe(1);
  expect(getDevice(env.ctx, "777")).toMatchObject({ lastSeenAt: env.ctx.now(), conns: [1, 2], online: true });
  env.advance(46_000);
  expect(getDevice(env.ctx, "777").online).toBe(false);
  disableDevice(env.ctx, "777");
  expect((await post("/api/heartbeat", beat("777", "dQ==", [1, 2]))).text).toBe('{"disconnect":[1,2]}');
});
