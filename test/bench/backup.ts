// Benchmark: heartbeat latency of a 100,000-device server with and without a backup running. Registers the
// fleet, then beats it at the client's real cadence (as bench:fleet) in alternating windows: one quiet, one
// during which the server takes backups back to back (POST /api/admin/backups: the same in-process path as a
// scheduled backup — VACUUM INTO in a worker thread, the tar.gz streamed on the main thread). Server on core 0
// (its snapshot worker too), this script and wrk on core 1. Compare the p99s of the same run, not across runs.
//
//   bun run bench:backup    BACKUP_DEVICES=100000 BACKUP_SECONDS=20 BACKUP_ROUNDS=2 (defaults), TEST_RDCONSOLE_BIN to reuse a build; needs wrk
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, pinSelf, requireWrk, runWrk, startRdconsole } from "./_setup.ts";

const N = Number(process.env.BACKUP_DEVICES ?? 100_000);
const SECONDS = Number(process.env.BACKUP_SECONDS ?? 20);
const ROUNDS = Number(process.env.BACKUP_ROUNDS ?? 2);
const CONNECTIONS = 1000;
pinSelf();
requireWrk();
const { dir, bin } = benchSetup("backup");
const env = { ...process.env, RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DATA_DIR: join(dir, "data"), RDCONSOLE_LOG_LEVEL: "info", RDCONSOLE_LOG_REQUESTS: "false", RDCONSOLE_DEVICES_REGISTRATIONS_PER_IP_PER_HOUR: "1000000", RDCONSOLE_DEVICES_REGISTRATIONS_PER_MINUTE: "1000000", RDCONSOLE_DEVICES_MAX: String(N + 10) };
const { p: server, url: base } = await startRdconsole(bin, env);

const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

try {
  let next = 0;
  await Promise.all(Array.from({ length: 256 }, async () => {
    while (next < N) {
      const i = next++;
      const r = await post("/api/sysinfo", JSON.stringify({ cpu: "x", hostname: `host-${i}`, id: String(100_000_000 + i), memory: "8GB", os: "windows / Windows 11", username: "u", uuid: "dQ==", version: "1.4.9" }));
      if ((await r.text()) !== "SYSINFO_UPDATED") throw new Error("registration refused");
    }
  }));
  Bun.spawnSync([bin, "user", "create", "bench-admin", "--admin", "--generate"], { env, stdout: "ignore" });
  const made = Bun.spawnSync([bin, "token", "create", "bench-backup", "--scope", "admin:rw", "--json"], { env, stderr: "pipe" });
  if (!made.success) throw new Error(made.stderr.toString());
  const auth = { authorization: `Bearer ${JSON.parse(made.stdout.toString()).token}` };

  const rate = N / 15;
  const delay = Math.round((CONNECTIONS / rate) * 1000);
  const script = join(dir, "beat.lua");
  writeFileSync(script, `local n = 0
local headers = { ["Content-Type"] = "application/json" }
request = function()
  n = n + 1
  return wrk.format("POST", "/api/heartbeat", headers, '{"id":"' .. (100000000 + n % ${N}) .. '","modified_at":0,"uuid":"dQ==","ver":1004090}')
end
delay = function() return math.random(0, ${2 * delay}) end
`);

  const window = async (withBackups: boolean) => {
    let stop = false;
    const sizes: number[] = [];
    const backups = withBackups
      ? (async () => {
          while (!stop) {
            const r = await post("/api/admin/backups", "{}", auth);
            if (r.status !== 201) throw new Error(`backup: ${r.status} ${await r.text()}`);
            sizes.push(((await r.json()) as { size: number }).size);
          }
        })()
      : Promise.resolve();
    const run = await runWrk({ script, url: base, connections: CONNECTIONS, seconds: SECONDS, timeout: "5s" });
    stop = true;
    await backups;
    if (run.non2xx || run.socketErrors) throw new Error(`wrk saw errors:\n${run.out}`);
    const p = (w: number | "max") => run.latency(w).toFixed(1);
    console.log(`${withBackups ? "with backups   " : "without backups"}: ${(run.requests / SECONDS).toFixed(0)} beats/s, p50 ${p(50)} ms, p99 ${p(99)} ms, max ${p("max")} ms${withBackups ? `; ${sizes.length} backup(s) of ${(sizes[0]! / 1024 ** 2).toFixed(1)} MB (gzip) taken meanwhile` : ""}`);
  };
  console.log(`${N} devices registered; ${SECONDS} s windows of heartbeats at ≈ ${rate.toFixed(0)}/s over ${CONNECTIONS} connections`);
  for (let i = 0; i < ROUNDS; i++) {
    await window(false);
    await window(true);
  }
} finally {
  server.kill("SIGTERM");
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}
