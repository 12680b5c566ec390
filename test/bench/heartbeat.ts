// Benchmark: heartbeats of registered devices against the compiled binary, compared in the same run
// with a raw Bun.serve that reads the same body and answers {}. wrk on loopback, 50 connections,
// 10 s, 1,000 device ids; servers on core 0, wrk on core 1. Two ways of taking the ratio:
// - alternating: five rounds of one server, then the other (also the source of the p99);
// - paired: both servers loaded at once, one wrk each, sharing core 0. The machine's drift hits both
//   alike, so the ratio of their rates is the ratio of their CPU cost per request; as a check, the
//   raw server's handler inside the rdconsole binary measured 97-102 % of raw this way (2026-11-23).
//
//   bun run bench:heartbeat        (needs wrk: apt-get install wrk; TEST_RDCONSOLE_BIN to reuse a build)
//   BENCH_STRATEGY=1 bun run bench:heartbeat   (every device under a default strategy, beats echoing its stamp)
import { rmSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, benchStrategy, heartbeatScript, pin, registerDevices, requireWrk, runWrk, startRdconsole, startServer, stopServers } from "./_setup.ts";

const DEVICES = 1000;
const ROUNDS = 5;
requireWrk();
const { dir, bin } = benchSetup("hb");

let script = "";

async function wrk(url: string, seconds = 10): Promise<{ rps: number; p99: number }> {
  const r = await runWrk({ script, url, connections: 50, seconds });
  if (r.non2xx) throw new Error(`wrk saw ${r.non2xx} error responses:\n${r.out}`);
  return { rps: r.rps, p99: r.latency(99) };
}

try {
  const env = { ...process.env, RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DATA_DIR: join(dir, "data"), RDCONSOLE_LOG_LEVEL: "warn", RDCONSOLE_DEVICES_REGISTRATIONS_PER_IP_PER_HOUR: "1000000", RDCONSOLE_DEVICES_REGISTRATIONS_PER_MINUTE: "1000000", ...(process.env.BENCH_FLUSH_MS ? { RDCONSOLE_DEVICES_FLUSH_MS: process.env.BENCH_FLUSH_MS } : {}) };
  const app = await startRdconsole(bin, { ...env, RDCONSOLE_LOG_LEVEL: "info" });
  await registerDevices(app.url, DEVICES);
  script = heartbeatScript(dir, DEVICES, undefined, benchStrategy(bin, env));
  const raw = await startServer([...pin(0), "bun", join(import.meta.dir, "raw-server.ts")], process.env);
  await wrk(app.url, 3); // warm-up
  await wrk(raw.url, 3);
  // Alternating rounds: this machine's speed drifts by ±15 % over a minute; a ratio within one
  // round compares like with like, and the median round is reported.
  type Run = Awaited<ReturnType<typeof wrk>>;
  const rounds: { ours: Run; base: Run }[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push({ ours: await wrk(app.url), base: await wrk(raw.url) });
  const paired: { ours: Run; base: Run }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const [ours, base] = await Promise.all([wrk(app.url), wrk(raw.url)]);
    paired.push({ ours, base });
  }
  await stopServers();

  const pct = (r: { ours: Run; base: Run }) => `${((r.ours.rps / r.base.rps) * 100).toFixed(1)}%`;
  for (const [i, r] of rounds.entries())
    console.log(`alternating round ${i + 1}: raw Bun.serve ${r.base.rps.toFixed(0)} req/s (p99 ${r.base.p99.toFixed(2)} ms), rdconsole ${r.ours.rps.toFixed(0)} req/s (p99 ${r.ours.p99.toFixed(2)} ms): ${pct(r)}`);
  for (const [i, r] of paired.entries()) console.log(`paired round ${i + 1}: raw Bun.serve ${r.base.rps.toFixed(0)} req/s, rdconsole ${r.ours.rps.toFixed(0)} req/s: ${pct(r)}`);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = (rs: typeof rounds) => `${(median(rs.map((r) => r.ours.rps / r.base.rps)) * 100).toFixed(1)}%`;
  const p99s = rounds.map((r) => r.ours.p99).sort((a, b) => a - b);
  console.log(`median ratio (target >= 70% of raw): alternating ${ratio(rounds)}, paired ${ratio(paired)}`);
  console.log(`rdconsole p99, alternating rounds (target <= 10 ms): median ${median(p99s).toFixed(2)} ms, worst ${p99s.at(-1)!.toFixed(2)} ms`);
} finally {
  await stopServers();
  rmSync(dir, { recursive: true, force: true });
}
