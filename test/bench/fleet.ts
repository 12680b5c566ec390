// Benchmark: one rdconsole (compiled binary) holding a fleet. Registers N devices through
// /api/sysinfo, then beats them at the client's real cadence (15 s idle; 3 s for the 1% that have a
// live connection) for a while, measuring heartbeat latency and the server's RSS.
// Server on core 0, this simulator on core 1.
//
//   bun run bench:fleet            FLEET_DEVICES=100000 FLEET_SECONDS=60 (defaults), TEST_RDCONSOLE_BIN to reuse a build
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const N = Number(process.env.FLEET_DEVICES ?? 100_000);
const SECONDS = Number(process.env.FLEET_SECONDS ?? 60);
const IN_FLIGHT = 256;
// Real devices beat independently; a simulator that falls behind must not fire thousands at once.
const MAX_BEATS_IN_FLIGHT = 512;
const root = join(import.meta.dir, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rdc-bench-fleet-"));
const pin = (core: number) => (Bun.which("taskset") ? ["taskset", "-c", String(core)] : []);
if (Bun.which("taskset")) Bun.spawnSync(["taskset", "-cp", "1", String(process.pid)], { stdout: "ignore" });

let bin = process.env.TEST_RDCONSOLE_BIN;
if (!bin) {
  bin = join(dir, "rdconsole");
  if (!Bun.spawnSync(["bun", join(root, ".ci", "build.ts"), "--outfile", bin], { stdout: "ignore" }).success) throw new Error("build failed");
}

const env = { ...process.env, RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DATA_DIR: join(dir, "data"), RDCONSOLE_LOG_LEVEL: "info", RDCONSOLE_DEVICES_REGISTRATIONS_PER_IP_PER_HOUR: "1000000", RDCONSOLE_DEVICES_MAX: String(N + 10) };
const server = Bun.spawn([...pin(0), bin, "serve", "--host", "127.0.0.1", "--port", "0"], { env, stdout: "ignore", stderr: "pipe" });
let log = "";
void (async () => {
  for await (const c of server.stderr) log += new TextDecoder().decode(c);
})();
for (let i = 0; i < 400 && !/listening on/.test(log); i++) await Bun.sleep(25);
const base = /listening on (http:\/\/[\d.]+:\d+)/.exec(log)?.[1];
if (!base) throw new Error(`server did not start:\n${log}`);
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

const idOf = (i: number) => String(100_000_000 + i);
const post = (path: string, body: string) => fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });

/** Runs `count` jobs with at most IN_FLIGHT at once. */
async function pool(count: number, job: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < count) await job(next++);
  }));
}

try {
  let started = performance.now();
  await pool(N, async (i) => {
    const r = await post("/api/sysinfo", JSON.stringify({ cpu: "x", hostname: `host-${i}`, id: idOf(i), memory: "8GB", os: "windows / Windows 11", username: "u", uuid: "dQ==", version: "1.4.9" }));
    if ((await r.text()) !== "SYSINFO_UPDATED") throw new Error("registration refused");
  });
  const registerSeconds = (performance.now() - started) / 1000;
  const rssRegistered = rss();

  // Each device beats at a random phase of its interval; 1% are "busy" (a live connection: every 3 s).
  // One ring per interval, sorted by phase: within a ring the order never changes, cycle after cycle.
  const busy = (i: number) => i % 100 === 0;
  const rings = [3000, 15000].map((interval) => {
    const members = [...Array(N).keys()].filter((i) => busy(i) === (interval === 3000)).map((i) => ({ i, phase: Math.random() * interval }));
    members.sort((a, b) => a.phase - b.phase);
    return { interval, members, pointer: 0, cycleStart: 0 };
  });
  const latencies: number[] = [];
  let sent = 0;
  let rssMax = 0;
  let inFlight = 0;
  let lagMax = 0;
  started = performance.now();
  for (const r of rings) r.cycleStart = started;
  const end = started + SECONDS * 1000;
  // Bodies built once: the simulator shares a core with 7,000 requests a second and must not lag.
  const bodies = Array.from({ length: N }, (_, i) => JSON.stringify({ ...(busy(i) ? { conns: [1] } : {}), id: idOf(i), modified_at: 0, uuid: "dQ==", ver: 1004090 }));
  const beatUrl = `${base}/api/heartbeat`;
  const headers = { "content-type": "application/json" };
  const beat = async (i: number) => {
    inFlight++;
    const t0 = performance.now();
    const r = await fetch(beatUrl, { method: "POST", body: bodies[i], headers });
    await r.text();
    latencies.push(performance.now() - t0);
    inFlight--;
  };
  const rssTimer = setInterval(() => (rssMax = Math.max(rssMax, rss())), 1000);
  while (performance.now() < end) {
    const now = performance.now();
    for (const ring of rings) {
      while (inFlight < MAX_BEATS_IN_FLIGHT) {
        const m = ring.members[ring.pointer]!;
        const dueAt = ring.cycleStart + m.phase;
        if (dueAt > now) break;
        lagMax = Math.max(lagMax, now - dueAt);
        void beat(m.i);
        sent++;
        if (++ring.pointer === ring.members.length) (ring.pointer = 0), (ring.cycleStart += ring.interval);
      }
    }
    await Bun.sleep(5);
  }
  clearInterval(rssTimer);
  while (inFlight > 0) await Bun.sleep(10);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const expected = (N * 0.99) / 15 + (N * 0.01) / 3;
  console.log(`${N} devices registered in ${registerSeconds.toFixed(1)} s; RSS after registration ${rssRegistered.toFixed(0)} MB`);
  console.log(`${SECONDS} s of heartbeats: ${sent} sent (${(sent / SECONDS).toFixed(0)}/s; the real cadence is ${expected.toFixed(0)}/s), scheduler lag max ${lagMax.toFixed(0)} ms`);
  console.log(`heartbeat latency: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms; server RSS max ${rssMax.toFixed(0)} MB (targets: p99 < 50 ms, RSS < 200 MB)`);
} finally {
  server.kill("SIGTERM");
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}
