// Unauthenticated audit growth, presence flushing interrupted, and queued cuts an idle beat ends.
import { expect, test } from "bun:test";
import { consoleAudit, devicePresence, devices } from "../../src/db/schema.ts";
import { emptySlot } from "../../src/devices/presence.ts";
import { disconnectDevice } from "../../src/devices/service.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const RUST = { "content-type": "application/json" };
const beat = (id: string, uuid: string, conns?: number[]) => JSON.stringify({ ...(conns ? { conns } : {}), id, modified_at: 0, uuid, ver: 1004090 });

test("uuid-mismatch audit rows: once per device and hour, and at most 60 a minute in all", async () => {
  const env = testEnv({ "devices.registrations_per_ip_per_hour": "1000" });
  const post = (path: string, raw: string) => call(env.app, "POST", path, { raw, headers: RUST });
  for (let i = 0; i < 80; i++) await post("/api/sysinfo", JSON.stringify({ id: String(5000 + i), uuid: "dQ==" }));
  for (let pass = 0; pass < 3; pass++) for (let i = 0; i < 80; i++) expect((await post("/api/heartbeat", beat(String(5000 + i), "ZXZpbA=="))).text).toBe("{}");
  const rows = () => env.db.select().from(consoleAudit).all().filter((r) => r.action === "device.uuid_mismatch").length;
  expect(rows()).toBe(60);
  env.advance(61 * 60_000);
  for (let i = 0; i < 80; i++) await post("/api/heartbeat", beat(String(5000 + i), "ZXZpbA=="));
  expect(rows()).toBe(120);
  env.close();
});

test("a queued cut ends when the device stops reporting the connection, idle beats included", async () => {
  const env = testEnv();
  const post = async (raw: string) => (await call(env.app, "POST", "/api/heartbeat", { raw, headers: RUST })).text;
  await call(env.app, "POST", "/api/sysinfo", { raw: JSON.stringify({ id: "600", uuid: "dQ==" }), headers: RUST });
  await post(beat("600", "dQ==", [3, 4]));
  env.devicesFlush();
  disconnectDevice(env.ctx, "600", 4);
  expect(await post(beat("600", "dQ==", [3, 4]))).toBe('{"disconnect":[4]}');
  expect(await post(beat("600", "dQ=="))).toBe("{}"); // idle: the connection is gone, and so is the queue entry
  expect(await post(beat("600", "dQ==", [4]))).toBe("{}"); // a restarted client reusing id 4 is left alone
  env.close();
});

test("a chunked flush that fails keeps every row it did not write; awaited, nothing is left behind", async () => {
  const env = testEnv({ "devices.registrations_per_minute": "10000" });
  for (let i = 0; i < 1200; i++) await call(env.app, "POST", "/api/sysinfo", { raw: JSON.stringify({ id: String(700000 + i), uuid: "dQ==" }), headers: RUST });
  const presence = env.devices.presence;
  const ids = env.db.select({ id: devices.id }).from(devices).all().map((d) => d.id);
  const slots = ids.map(emptySlot);
  for (const slot of slots) presence.beat(slot, env.ctx.now() + 60_000, "10.0.0.1", [1]);
  expect(await presence.flushInChunks(env.ctx.now() + 60_000)).toBe(1200);
  expect(env.db.select().from(devicePresence).all().every((d) => d.conns.length === 1)).toBe(true);
  for (const slot of slots) presence.beat(slot, env.ctx.now() + 120_000, "10.0.0.2", [2]);
  const running = presence.flushInChunks(env.ctx.now() + 120_000);
  env.close(); // the database goes away after the first chunk
  await expect(running).rejects.toThrow();
  expect(presence.size).toBe(1200 - 500);
}, 30_000); // 1,200 registrations through the app: seconds on a loaded 2-core machine
