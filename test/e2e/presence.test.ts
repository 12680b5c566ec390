// Presence is buffered in memory; SIGTERM must flush it. Compiled binary, periodic flush set far away.
import { expect, test } from "bun:test";
import { binaryPath, cleanEnv } from "../helpers/binary.ts";
import { tempDir } from "../helpers/env.ts";

test("beat, SIGTERM, restart: last seen and live connections are persisted", async () => {
  const bin = binaryPath();
  const cwd = tempDir("rdc-e2e-presence-");
  const env = cleanEnv({ RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DEVICES_FLUSH_MS: "60000" });
  const server = Bun.spawn([bin, "serve", "--host", "127.0.0.1", "--port", "0"], { cwd, env, stderr: "pipe", stdout: "ignore" });
  let log = "";
  const decoder = new TextDecoder();
  // Drain stderr for the whole run: a closed pipe would fail the server's shutdown log lines.
  void (async () => {
    for await (const chunk of server.stderr) log += decoder.decode(chunk);
  })();
  for (let i = 0; i < 200 && !/listening on/.test(log); i++) await Bun.sleep(25);
  const base = /listening on (http:\/\/[\d.]+:\d+)/.exec(log)![1]!;
  const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }).then((r) => r.text());
  expect(await post("/api/sysinfo", { hostname: "pc", id: "424242424", os: "linux / x", uuid: "dQ==", version: "1.4.9" })).toBe("SYSINFO_UPDATED");
  const registeredAt = Date.now();
  await Bun.sleep(1100);
  expect(await post("/api/heartbeat", { conns: [9], id: "424242424", modified_at: 0, uuid: "dQ==", ver: 1004090 })).toBe("{}");
  const beatAt = Date.now();
  server.kill("SIGTERM");
  expect([await server.exited, log]).toEqual([0, expect.stringContaining("stopped")]);

  const show = Bun.spawnSync([bin, "device", "show", "424242424", "--json"], { cwd, env });
  const device = JSON.parse(show.stdout.toString()) as { last_online: string; conns: number[] };
  const lastOnline = Date.parse(device.last_online);
  expect(lastOnline).toBeGreaterThanOrEqual(registeredAt + 1000); // the heartbeat's time, not the registration's
  expect(lastOnline).toBeLessThanOrEqual(beatAt);
  expect(device.conns).toEqual([9]);
}, 60_000);
