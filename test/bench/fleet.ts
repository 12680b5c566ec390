// Benchmark: one rdconsole (compiled binary) holding a fleet. Registers N devices through
// /api/sysinfo, then beats them at the client's real cadence (15 s idle; 3 s for the 1% that have a
// live connection) for a while, measuring heartbeat latency (wrk) and the server's RSS.
// Server on core 0, this script and wrk on core 1.
//
//   bun run bench:fleet            FLEET_DEVICES=100000 FLEET_SECONDS=60 (defaults), TEST_RDCONSOLE_BIN to reuse a build; needs wrk
//   BENCH_STRATEGY=1 bun run bench:fleet   a default strategy for the whole fleet, made just before the beats start: each
//                                   device's first beat gets it delivered (0 → settings), its next one confirms it
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, benchStrategy, fleetEnv, pinSelf, registerFleet, requireWrk, runWrk, startRdconsole } from "./_setup.ts";

const N = Number(process.env.FLEET_DEVICES ?? 100_000);
const SECONDS = Number(process.env.FLEET_SECONDS ?? 60);
const CONNECTIONS = 1000;
pinSelf();
requireWrk();
const { dir, bin } = benchSetup("fleet");

const env = fleetEnv(dir, N);
const { p: server, url: base } = await startRdconsole(bin, env);
/** Resident MB: all, anonymous (heap and the like), file-backed (the executable's and the database's pages). */
const memory = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const mb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: mb("VmRSS"), anon: mb("RssAnon"), file: mb("RssFile") + mb("RssShmem") };
};
const rss = () => memory().rss;

try {
  const started = performance.now();
  await registerFleet(base, N);
  const registerSeconds = (performance.now() - started) / 1000;
  const rssRegistered = rss();

  // The beats come from wrk (C, on core 1): a simulator in JS sharing that core stalled by up to
  // half a second under 7,000 requests a second, and its stalls showed up as server latency.
  // CONNECTIONS connections each wait a random 0..2×DELAY ms between beats: close to open-loop, so a
  // server stall delays every beat due in it. Device i beats once per pass over the fleet (≈ 14.4 s);
  // every 21st beat goes to one of the 1% busy devices instead (a live connection: every ≈ 3 s).
  const stamp = benchStrategy(bin, env);
  const rate = (N * 0.99) / 15 + (N * 0.01) / 3;
  const delay = Math.round((CONNECTIONS / rate) * 1000);
  const script = join(dir, "fleet.lua");
  writeFileSync(
    script,
    `local n = 0
local idle, busy = 0, 0
local headers = { ["Content-Type"] = "application/json" }
local got = {}
request = function()
  n = n + 1
  local i
  local conns = ""
  if n % 21 == 0 then
    busy = busy + 1
    i = (busy % ${Math.max(1, Math.floor(N / 100))}) * 100
    conns = '"conns":[1],'
  else
    idle = idle + 1
    i = idle % ${N}
    if i % 100 == 0 then i = i + 1 end
  end
  -- A device echoes the strategy's stamp once it has been sent it (0 before, and without a strategy); as text:
  -- LuaJIT would print a number this large in exponent form.
  local m = got[i] and "${stamp}" or "0"
  got[i] = true
  return wrk.format("POST", "/api/heartbeat", headers, '{' .. conns .. '"id":"' .. (100000000 + i) .. '","modified_at":' .. m .. ',"uuid":"dQ==","ver":1004090}')
end
delay = function() return math.random(0, ${2 * delay}) end
`,
  );
  let peak = { rss: 0, anon: 0, file: 0 };
  const rssTimer = setInterval(() => {
    const m = memory();
    if (m.rss > peak.rss) peak = m;
  }, 500);
  const run = await runWrk({ script, url: base, connections: CONNECTIONS, seconds: SECONDS, timeout: "5s" });
  clearInterval(rssTimer);
  if (run.non2xx || run.socketErrors) throw new Error(`wrk saw errors:\n${run.out}`);
  const ms = (which: number | "max") => {
    const v = run.latency(which);
    if (Number.isNaN(v)) throw new Error(`wrk output not understood:\n${run.out}`);
    return v;
  };
  const sent = run.requests;
  console.log(`${N} devices registered in ${registerSeconds.toFixed(1)} s; RSS after registration ${rssRegistered.toFixed(0)} MB`);
  console.log(`${SECONDS} s of heartbeats: ${sent} (${(sent / SECONDS).toFixed(0)}/s; the real cadence is ${rate.toFixed(0)}/s) over ${CONNECTIONS} connections`);
  console.log(
    `heartbeat latency: p50 ${ms(50).toFixed(1)} ms, p99 ${ms(99).toFixed(1)} ms, max ${ms("max").toFixed(1)} ms; server RSS max ${peak.rss.toFixed(0)} MB (${peak.anon.toFixed(0)} anonymous, ${peak.file.toFixed(0)} file-backed) (targets: p99 < 50 ms, RSS < 200 MB)`,
  );
} finally {
  server.kill("SIGTERM");
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}
