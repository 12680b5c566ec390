// Benchmark: heartbeat latency and server memory while an anonymous client sends hostile requests
// (issue 13 §3). Compiled binary on core 0; wrk on core 1: heartbeats at a fixed pace (1,000
// connections, as audit-burst.ts), alone, then with 20 more connections sending, in turn, 20,000-deep
// JSON (40 KB) to /api/login, /api/sysinfo, /api/oidc/auth, DELETE /api/ab/peer/x (no token) and
// /api/heartbeat, and a 100 KB Authorization header: first paced (a random pause of up to 400 ms
// before each request, ~100/s), then flat out. Before the fix one such body took the event loop for
// 5.5 s and the process to 5.7 GB.
//
//   bun run bench:hostile          (needs wrk; TEST_RDCONSOLE_BIN to reuse a build; ≈ 45 s)
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, heartbeatScript, registerDevices, requireWrk, runWrk, startRdconsole, stopServers } from "./_setup.ts";

const DEVICES = 1000;
const SECONDS = 10;
requireWrk();
const { dir, bin } = benchSetup("hostile");

const beats = heartbeatScript(dir, DEVICES, 280);
/** The attack script; `delayMs`: a random pause up to that long before each request (paced), else flat out. */
function attackScript(name: string, delayMs?: number): string {
  const script = join(dir, name);
  writeFileSync(
    script,
    `local deep = string.rep("[", 20000) .. string.rep("]", 20000)
local big = "Bearer " .. string.rep("x", 100000)
local json = { ["Content-Type"] = "application/json" }
local targets = {
  { "POST", "/api/login", json, deep },
  { "POST", "/api/sysinfo", json, deep },
  { "POST", "/api/oidc/auth", json, deep },
  { "DELETE", "/api/ab/peer/x", json, deep },
  { "POST", "/api/heartbeat", json, deep },
  { "POST", "/api/currentUser", { ["Content-Type"] = "application/json", ["Authorization"] = big }, "{}" },
}
local n = 0
request = function()
  n = n + 1
  local t = targets[n % #targets + 1]
  return wrk.format(t[1], t[2], t[3], t[4])
end
${delayMs ? `delay = function() return math.random(0, ${delayMs}) end` : ""}`,
  );
  return script;
}
const paced = attackScript("paced.lua", 400);
const flat = attackScript("flat.lua");

/** One request of each kind, before the load: what the attack gets back, and how fast. */
async function probe(url: string): Promise<string> {
  const deep = "[".repeat(20_000) + "]".repeat(20_000);
  const json = { "content-type": "application/json" };
  const lines: string[] = [];
  for (const [method, path, headers, body] of [
    ["POST", "/api/login", json, deep],
    ["POST", "/api/sysinfo", json, deep],
    ["POST", "/api/oidc/auth", json, deep],
    ["DELETE", "/api/ab/peer/x", json, deep],
    ["POST", "/api/heartbeat", json, deep],
    ["POST", "/api/currentUser", { ...json, authorization: `Bearer ${"x".repeat(100_000)}` }, "{}"],
  ] as const) {
    const t = performance.now();
    const r = await fetch(`${url}${path}`, { method, headers, body });
    lines.push(`  ${method} ${path}: ${r.status} ${await r.text()} (${(performance.now() - t).toFixed(1)} ms)`);
  }
  return lines.join("\n");
}

async function heartbeats(url: string) {
  const r = await runWrk({ script: beats, url, connections: 1000, seconds: SECONDS });
  if (r.non2xx) throw new Error(`wrk saw ${r.non2xx} error responses to heartbeats:\n${r.out}`);
  return { rps: r.rps, p99: r.latency(99), max: r.latency("max") };
}

try {
  const env = { ...process.env, RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DATA_DIR: join(dir, "data"), RDCONSOLE_LOG_LEVEL: "info", RDCONSOLE_LOG_REQUESTS: "false", RDCONSOLE_DEVICES_REGISTRATIONS_PER_IP_PER_HOUR: "1000000", RDCONSOLE_DEVICES_REGISTRATIONS_PER_MINUTE: "1000000" };
  const { p: server, url } = await startRdconsole(bin, env);
  const status = () => readFileSync(`/proc/${server.pid}/status`, "utf8");
  const mb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())?.[1] ?? 0) / 1024;
  await registerDevices(url, DEVICES);
  console.log(`one of each:\n${await probe(url)}`);
  await runWrk({ script: beats, url, connections: 1000, seconds: 5 }); // warm-up
  const quiet = await heartbeats(url);
  const rssBefore = mb("VmRSS");
  let rssMax = rssBefore;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, mb("VmRSS"))), 100);
  const attacked = async (script: string) => {
    const [beat, attack] = await Promise.all([heartbeats(url), runWrk({ script, url, connections: 20, seconds: SECONDS, timeout: "10s" })]);
    return { beat, attack };
  };
  const slow = await attacked(paced);
  const fast = await attacked(flat);
  clearInterval(sampler);
  const peak = mb("VmHWM");
  await stopServers();
  const line = (b: Awaited<ReturnType<typeof heartbeats>>) => `${b.rps.toFixed(0)}/s, p99 ${b.p99.toFixed(2)} ms, max ${b.max.toFixed(1)} ms`;
  console.log(`heartbeats alone:                      ${line(quiet)}`);
  console.log(`with ${slow.attack.rps.toFixed(0)} hostile requests/s (paced):  ${line(slow.beat)}`);
  console.log(`with ${fast.attack.rps.toFixed(0)} hostile requests/s (flat out): ${line(fast.beat)}`);
  console.log(`hostile requests answered in p99 ${slow.attack.latency(99).toFixed(2)} ms (paced), ${fast.attack.latency(99).toFixed(2)} ms (flat out); ${slow.attack.requests + fast.attack.requests} in all`);
  console.log(`server RSS: ${rssBefore.toFixed(0)} MB before the attacks, max ${rssMax.toFixed(0)} MB during them, peak over the run (VmHWM) ${peak.toFixed(0)} MB`);
} finally {
  await stopServers();
  rmSync(dir, { recursive: true, force: true });
}
