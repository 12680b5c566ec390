// Benchmark: heartbeats of registered devices against the compiled binary, compared in the same run
// with a raw Bun.serve that reads the same body and answers {}. wrk on loopback, 50 connections,
// 10 s, 1,000 device ids, five alternating rounds; servers on core 0, wrk on core 1.
//
//   bun run bench:heartbeat        (needs wrk: apt-get install wrk; TEST_RDCONSOLE_BIN to reuse a build)
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, pin, requireWrk, startRdconsole, startServer } from "./_setup.ts";

const DEVICES = 1000;
const ROUNDS = 5;
requireWrk();
const { dir, bin } = benchSetup("hb");

function wrk(url: string): { rps: number; p99: number } {
  const script = join(dir, "beat.lua");
  writeFileSync(
    script,
    `local n = 0
request = function()
  n = n + 1
  local id = 100000000 + (n % ${DEVICES})
  return wrk.format("POST", "/api/heartbeat", { ["Content-Type"] = "application/json" }, '{"id":"' .. id .. '","modified_at":0,"uuid":"dQ==","ver":1004090}')
end`,
  );
  const r = Bun.spawnSync([...pin(1), "wrk", "-t1", "-c50", "-d10s", "--latency", "-s", script, url]);
  const out = r.stdout.toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const toMs = (v: string, unit: string) => Number(v) * (unit === "us" ? 0.001 : unit === "s" ? 1000 : 1);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (errors) throw new Error(`wrk saw ${errors[1]} error responses:\n${out}`);
  return { rps, p99: p99 ? toMs(p99[1]!, p99[2]!) : Number.NaN };
}

try {
  const env = { ...process.env, RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DATA_DIR: join(dir, "data"), RDCONSOLE_LOG_LEVEL: "warn", RDCONSOLE_DEVICES_REGISTRATIONS_PER_IP_PER_HOUR: "1000000", ...(process.env.BENCH_FLUSH_MS ? { RDCONSOLE_DEVICES_FLUSH_MS: process.env.BENCH_FLUSH_MS } : {}) };
  const app = await startRdconsole(bin, { ...env, RDCONSOLE_LOG_LEVEL: "info" });
  for (let i = 0; i < DEVICES; i += 50)
    await Promise.all(Array.from({ length: 50 }, (_, j) => fetch(`${app.url}/api/sysinfo`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hostname: `h${i + j}`, id: String(100000000 + i + j), os: "linux / x", uuid: "dQ==", version: "1.4.9" }) })));
  const raw = await startServer([...pin(0), "bun", join(import.meta.dir, "raw-server.ts")], process.env);
  wrk(app.url); // warm-up
  wrk(raw.url);
  // Alternating rounds: this machine's speed drifts by ±15 % over a minute; a ratio within one
  // round compares like with like, and the median round is reported.
  const rounds: { ours: ReturnType<typeof wrk>; base: ReturnType<typeof wrk> }[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push({ ours: wrk(app.url), base: wrk(raw.url) });
  app.p.kill("SIGTERM");
  raw.p.kill();
  await app.p.exited;

  for (const [i, r] of rounds.entries())
    console.log(`round ${i + 1}: raw Bun.serve ${r.base.rps.toFixed(0)} req/s (p99 ${r.base.p99.toFixed(2)} ms), rdconsole ${r.ours.rps.toFixed(0)} req/s (p99 ${r.ours.p99.toFixed(2)} ms): ${((r.ours.rps / r.base.rps) * 100).toFixed(0)}%`);
  const median = rounds.map((r) => r.ours.rps / r.base.rps).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  const p99s = rounds.map((r) => r.ours.p99).sort((a, b) => a - b);
  console.log(`median ratio: ${(median * 100).toFixed(0)}% of raw (target >= 70%); rdconsole p99: median ${p99s[Math.floor(ROUNDS / 2)]!.toFixed(2)} ms, worst ${p99s.at(-1)!.toFixed(2)} ms (target <= 10 ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
