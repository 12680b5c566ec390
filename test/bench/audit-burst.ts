// Benchmark: heartbeat latency while devices post audit rows as fast as they can. Compiled binary
// on core 0; two wrk processes on core 1: heartbeats at a fixed pace (1,000 connections, ~7,000/s,
// as a 100,000-device fleet) and, in the second phase, a burst of ~1,000 alarm posts a second
// (50 connections, 50 ms apart: ten times what audit.posts_per_minute lets through; BENCH_AUDIT_DELAY=0
// posts flat out).
// BENCH_AUDIT_UNLIMITED=1 lifts audit.posts_per_minute, to see what the budget protects against.
//
//   bun run bench:audit            (needs wrk; TEST_RDCONSOLE_BIN to reuse a build)
import { rmSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, heartbeatScript, wrkPostScript, registerDevices, requireWrk, runWrk, startRdconsole, stopServers } from "./_setup.ts";

const DEVICES = 1000;
const PACE = Number(process.env.BENCH_AUDIT_DELAY ?? 50);
requireWrk();
const { dir, bin } = benchSetup("audit");

const beats = heartbeatScript(dir, DEVICES, 280);
const alarms = wrkPostScript(
  dir,
  "alarm",
  "/api/audit/alarm",
  `'{"conn_id":1,"id":"' .. (100000000 + n % ${DEVICES}) .. '","info":"{\\\\"ip\\\\":\\\\"198.51.100.9\\\\"}","nonce":"bench-' .. n .. '","typ":1,"uuid":"dQ=="}'`,
  PACE > 0 ? 2 * PACE : undefined,
);

/** `refusedOk`: 429s are expected (the audit budget), counted instead of failing the run. */
async function wrk(script: string, url: string, connections: number, refusedOk = false) {
  const r = await runWrk({ script, url, connections, seconds: 10 });
  if (r.non2xx && !refusedOk) throw new Error(`wrk saw ${r.non2xx} error responses:\n${r.out}`);
  return { rps: r.rps, stored: (r.requests - r.non2xx) / 10, refused: r.non2xx, p99: r.latency(99) };
}

try {
  const env = {
    ...process.env,
    RDCONSOLE_CONFIG: "/dev/null",
    RDCONSOLE_DATA_DIR: join(dir, "data"),
    RDCONSOLE_LOG_LEVEL: "info",
    RDCONSOLE_DEVICES_REGISTRATIONS_PER_IP_PER_HOUR: "1000000", RDCONSOLE_DEVICES_REGISTRATIONS_PER_MINUTE: "1000000",
    RDCONSOLE_AUDIT_DEVICE_POSTS_PER_MINUTE: "1000000",
    ...(process.env.BENCH_AUDIT_UNLIMITED ? { RDCONSOLE_AUDIT_POSTS_PER_MINUTE: "10000000" } : {}),
  };
  const { url } = await startRdconsole(bin, env);
  await registerDevices(url, DEVICES);
  await wrk(beats, url, 1000); // warm-up
  const quiet = await wrk(beats, url, 1000);
  const [busy, burst] = await Promise.all([wrk(beats, url, 1000), wrk(alarms, url, 50, true)]);
  await stopServers();
  console.log(`heartbeats alone:        ${quiet.rps.toFixed(0)}/s, p99 ${quiet.p99.toFixed(2)} ms`);
  console.log(`with an audit burst:     ${busy.rps.toFixed(0)}/s, p99 ${busy.p99.toFixed(2)} ms`);
  console.log(`the burst: ${burst.rps.toFixed(0)} alarm posts/s, ${burst.stored.toFixed(0)}/s stored, ${burst.refused} refused with 429 (p99 ${burst.p99.toFixed(2)} ms)`);
} finally {
  await stopServers();
  rmSync(dir, { recursive: true, force: true });
}
