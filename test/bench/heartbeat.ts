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
//   BENCH_METRICS=1 bun run bench:heartbeat    (also a second rdconsole with metrics.listen on, scraped every 5 s
//                                               while loaded: paired rounds of each against raw, and of the two)
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
  const metered = process.env.BENCH_METRICS === "1" ? await startMetered(env) : null;
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
  const metricRounds: { off: Run; on: Run; offRaw: Run; onRaw: Run; onVsOff: { ours: Run; base: Run } }[] = [];
  if (metered) {
    await wrk(metered.url, 3);
    for (let i = 0; i < ROUNDS; i++) {
      const [off, offRaw] = await Promise.all([wrk(app.url), wrk(raw.url)]);
      const [on, onRaw] = await Promise.all([metered.scraped(wrk(metered.url)), wrk(raw.url)]);
      const [a, b] = await Promise.all([metered.scraped(wrk(metered.url)), wrk(app.url)]);
      metricRounds.push({ off, on, offRaw, onRaw, onVsOff: { ours: a, base: b } });
    }
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
  if (metered) {
    for (const [i, r] of metricRounds.entries())
      console.log(`metrics round ${i + 1}: off ${pct({ ours: r.off, base: r.offRaw })} of raw, on ${pct({ ours: r.on, base: r.onRaw })} of raw; both at once: on ${pct(r.onVsOff)} of off`);
    const med = (f: (r: (typeof metricRounds)[number]) => number) => `${(median(metricRounds.map(f)) * 100).toFixed(1)}%`;
    console.log(`metrics (paired medians): off ${med((r) => r.off.rps / r.offRaw.rps)} of raw, on ${med((r) => r.on.rps / r.onRaw.rps)} of raw; both at once: on ${med((r) => r.onVsOff.ours.rps / r.onVsOff.base.rps)} of off (scrapes: ${metered.scrapes()})`);
  }
  console.log(`rdconsole p99, alternating rounds (target <= 10 ms): median ${median(p99s).toFixed(2)} ms, worst ${p99s.at(-1)!.toFixed(2)} ms`);
} finally {
  await stopServers();
  rmSync(dir, { recursive: true, force: true });
}

/** A second rdconsole (its own data dir, the same devices) with the metrics listener on. */
async function startMetered(env: Record<string, string | undefined>) {
  const probe = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response(null) });
  const port = probe.port;
  probe.stop(true);
  const server = await startRdconsole(bin, { ...env, RDCONSOLE_DATA_DIR: join(dir, "data-metrics"), RDCONSOLE_METRICS_LISTEN: `127.0.0.1:${port}`, RDCONSOLE_LOG_LEVEL: "info" });
  await registerDevices(server.url, DEVICES);
  let scrapes = 0;
  const scrape = async () => {
    const r = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (r.status !== 200 || !(await r.text()).includes("rdconsole_heartbeats_total")) throw new Error(`scrape failed: ${r.status}`);
    scrapes++;
  };
  await scrape();
  return {
    url: server.url,
    scrapes: () => scrapes,
    /** Scrapes every 5 s while `load` runs (a busy Prometheus scrapes every 15-60 s). */
    async scraped<T>(load: Promise<T>): Promise<T> {
      const timer = setInterval(() => void scrape(), 5000);
      try {
        return await load;
      } finally {
        clearInterval(timer);
      }
    },
  };
}
