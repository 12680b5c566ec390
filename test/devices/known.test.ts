// Heartbeats read registered devices from memory; changes made by another connection (the CLI)
// or by this process must still reach the very next beats.
import { Database } from "bun:sqlite";
import { expect, test } from "bun:test";
import { join } from "node:path";
import { disableDevice, disconnectDevice } from "../../src/devices/service.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const RUST = { "content-type": "application/json" };
const body = (id: string, conns?: number[]) => JSON.stringify({ ...(conns ? { conns } : {}), id, modified_at: 0, uuid: "dQ==", ver: 1004090 });

/** Over a socket (the native route), from a client IP, as in production. */
function setup() {
  const env = testEnv({ "server.trusted_proxies": "127.0.0.1/32" });
  const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
  const url = `http://127.0.0.1:${server.server!.port}/api/heartbeat`;
  const beat = async (id: string, conns?: number[]) => {
    const r = await fetch(url, { method: "POST", body: body(id, conns), headers: { ...RUST, "x-forwarded-for": "198.51.100.7" } });
    return `${r.status} ${await r.text()}`;
  };
  const register = async (id: string) => expect((await call(env.app, "POST", "/api/sysinfo", { raw: JSON.stringify({ id, uuid: "dQ==" }), headers: RUST })).text).toBe("SYSINFO_UPDATED");
  // Another connection to the same file, as the CLI has: no local commit tells the cache to look.
  const other = new Database(join(env.config.data.dir, "rdconsole.db"));
  other.run("PRAGMA busy_timeout = 5000");
  const close = () => {
    other.close();
    server.stop(true);
    env.close();
  };
  return { env, beat, register, other, close };
}

test("a known device is served from memory: the devices table is not read again", async () => {
  const { env, beat, register, other, close } = setup();
  await register("900");
  expect(await beat("900")).toBe("200 {}");
  expect(env.devices.known.size).toBe(1);
  // sysinfo_at is not watched: changed behind the cache's back, the cached row still answers.
  other.run("UPDATE devices SET sysinfo_at = NULL WHERE rd_id = '900'");
  env.advance(60);
  expect(await beat("900")).toBe("200 {}");
  close();
});

test("another connection's changes reach the beats within the 50 ms re-check", async () => {
  const { env, beat, register, other, close } = setup();
  await register("901");
  await register("902");
  expect(await beat("901", [5])).toBe("200 {}");
  expect(await beat("902")).toBe("200 {}");
  const settle = () => env.advance(60);

  other.run("UPDATE devices SET enabled = 0 WHERE rd_id = '901'");
  settle();
  expect(await beat("901", [5])).toBe('200 {"disconnect":[5]}');
  other.run("UPDATE devices SET enabled = 1 WHERE rd_id = '901'");
  other.run("INSERT INTO device_disconnects (device_id, conn_id, created_at) SELECT id, 6, ? FROM devices WHERE rd_id = '901'", [env.ctx.now()]);
  settle();
  expect(await beat("901", [5, 6])).toBe('200 {"disconnect":[6]}');

  env.devicesFlush();
  other.run("UPDATE devices SET uuid = 'b3RoZXI=' WHERE rd_id = '902'");
  settle();
  expect(await beat("902")).toBe("200 {}"); // refused quietly: uuid mismatch
  expect(env.devicesFlush()).toBe(0); // the mismatched beat left no presence
  other.run("DELETE FROM devices WHERE rd_id = '902'");
  settle();
  expect(await beat("902")).toBe('200 {"sysinfo":true}');

  other.run("INSERT INTO bans (guid, cidr, created_by, created_at, expires_at) VALUES ('g', '198.51.100.0/24', 'cli:test', 0, ?)", [env.ctx.now() + 60_000]);
  settle();
  expect(await beat("901")).toBe('403 {"error":"Your IP address is banned from this server"}');
  env.advance(60_000); // the ban expires on the cache's clock, with no change to the database
  expect(await beat("901")).toBe("200 {}");
  close();
});

test("this process's own changes apply to the very next beat", async () => {
  const { env, beat, register, other, close } = setup();
  await register("903");
  expect(await beat("903", [1, 2])).toBe("200 {}");
  env.devicesFlush();
  disconnectDevice(env.ctx, "903", 2);
  expect(await beat("903", [1, 2])).toBe('200 {"disconnect":[2]}');
  disableDevice(env.ctx, "903");
  expect(await beat("903", [1])).toBe('200 {"disconnect":[1]}');
  close();
});

test("stale sysinfo is asked for once more after an upload only if still stale", async () => {
  const { env, beat, register, other, close } = setup();
  await register("904");
  expect(await beat("904")).toBe("200 {}");
  env.advance((env.config.devices.sysinfo_max_age_hours + 1) * 3_600_000);
  expect(await beat("904")).toBe('200 {"sysinfo":true}');
  await register("904");
  expect(await beat("904")).toBe("200 {}");
  close();
});

test("slots dropped from the cache are written once if they must be, then let go", async () => {
  const { env, beat, register, close } = setup();
  const ids = Array.from({ length: 20 }, (_, i) => String(910 + i));
  for (const id of ids) await register(id);
  for (const id of ids) await beat(id);
  env.devicesFlush();
  expect(env.devices.presence.size).toBe(0);
  env.advance(1_000);
  for (const id of ids) await beat(id); // pending, not worth a write yet (same IP, under 10 s)
  expect(env.devices.presence.flush(env.ctx.now())).toBe(0);
  expect(env.devices.presence.size).toBe(20);
  // An admin change drops the cache: the 20 pending slots are retired, each written once.
  disableDevice(env.ctx, "910");
  await beat("911");
  expect(env.devices.presence.flush(env.ctx.now())).toBe(21); // and 911, read again: its first beat counts as unwritten
  expect(env.devices.presence.size).toBe(0);
  env.advance(1_000);
  for (const id of ids.slice(1)) await beat(id);
  expect(env.devices.presence.flush(env.ctx.now())).toBe(18); // the others, read again; 911 was written a second ago
  // sysinfo uploads forget their device: 911's pending slot is written once and let go.
  for (const id of ids.slice(1)) await register(id);
  expect(env.devices.presence.flush(env.ctx.now())).toBe(1);
  env.advance(1_000);
  for (const id of ids.slice(1)) await beat(id);
  env.advance(10_000);
  for (const id of ids.slice(1)) await beat(id);
  expect(env.devices.presence.flush(env.ctx.now())).toBe(19);
  expect(env.devices.presence.size).toBe(0);
  close();
});
