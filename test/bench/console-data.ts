// Benchmark: the admin API requests the web console's pages make, on a 100,000-device fleet. Registers the
// fleet through /api/sysinfo as bench:fleet does, posts a few thousand connection audit rows, then (server
// stopped) gives it owners, device groups, strategies at every level, last-seen times spread over half a
// year and 30 days of dashboard samples; restarts the server, keeps 2 % of the fleet beating (1 % with a live
// connection) and times each request in turn with an admin:r token: median and p95 of 30 after a warm-up, and
// the server's CPU time per request (from /proc: steadier than latency on a shared machine; it includes the
// 2 % of the fleet beating, ≈ 200 beats/s).
//
//   bun run bench:console          CONSOLE_DEVICES=100000 (default), CONSOLE_REPEAT=30; TEST_RDCONSOLE_BIN to reuse a build
//   CONSOLE_KEEP=<dir> bun run bench:console   builds the fleet in <dir> and keeps it; the next run with the same
//                                   <dir> measures it again without rebuilding (last-seen times then age)
import { Database } from "bun:sqlite";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, fleetEnv, fleetId, pinSelf, pool, registerFleet, startRdconsole, stopServers } from "./_setup.ts";

const N = Number(process.env.CONSOLE_DEVICES ?? 100_000);
const REPEAT = Number(process.env.CONSOLE_REPEAT ?? 30);
const USERS = 500;
const GROUPS = 40;
const DAY = 86_400_000;
/** Devices beating during the measurement (every 50th), and those with a live connection (every 100th). */
const online = (i: number) => i % 50 === 0;
const busy = (i: number) => i % 100 === 0;
pinSelf();
const setup = benchSetup("console");
const { bin } = setup;
const keep = process.env.CONSOLE_KEEP;
const dir = keep ?? setup.dir;
if (keep) mkdirSync(keep, { recursive: true });
const env = fleetEnv(dir, N, { RDCONSOLE_AUDIT_DEVICE_POSTS_PER_MINUTE: "1000000", RDCONSOLE_AUDIT_POSTS_PER_MINUTE: "10000000" });
const cli = (...args: string[]) => {
  const r = Bun.spawnSync([bin, ...args], { env, stderr: "pipe", stdout: "pipe" });
  if (!r.success) throw new Error(`${args.slice(0, 3).join(" ")}: ${r.stderr.toString()}`);
  return r.stdout.toString();
};
const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }).then(async (r) => {
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  });
const beat = (url: string, i: number) => post(url, "/api/heartbeat", { ...(busy(i) ? { conns: [1] } : {}), id: fleetId(i), modified_at: 0, uuid: "dQ==", ver: 1004090 });

/** Owners, groups, last-seen spread and dashboard samples, written straight into the stopped server's database. */
function seed(now: number) {
  const db = new Database(join(dir, "data", "rdconsole.db"));
  const admin = db.query<{ password_hash: string }, []>("select password_hash from users where is_admin = 1").get()!;
  db.transaction(() => {
    const user = db.prepare("insert into users (guid, name, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?)");
    for (let u = 1; u <= USERS; u++) user.run(Bun.randomUUIDv7(), `owner-${u}`, admin.password_hash, now, now);
    const group = db.prepare("insert into device_groups (guid, name, created_at, updated_at) values (?, ?, ?, ?)");
    for (let g = 1; g <= GROUPS; g++) group.run(Bun.randomUUIDv7(), `group-${g}`, now, now);
    // 90 % owned, 80 % in a group; last seen from a minute to 180 days ago (quadratic: most recently), 5 % never.
    db.run(`update devices set owner_id = case when devices.id % 10 = 0 then null else (select u.id from users u where u.name = 'owner-' || (1 + devices.id % ${USERS})) end,
      group_id = case when devices.id % 5 = 0 then null else (select g.id from device_groups g where g.name = 'group-' || (1 + devices.id % ${GROUPS})) end`);
    db.run(`update device_presence set conns = '[]', last_seen_at = case when device_id % 20 = 7 then null
      else ${now} - 60000 - ((device_id * 7919) % 1000) * ((device_id * 7919) % 1000) * ${(180 * DAY) / 1e6} end`);
    const sample = db.prepare("insert or replace into online_samples (at, online, total) values (?, ?, ?)");
    for (let at = now - 30 * DAY; at < now; at += 300_000) sample.run(at - (at % 300_000), Math.round(N * (0.02 + 0.01 * Math.sin(at / DAY))), N);
  })();
  db.close();
}

function strategies() {
  cli("strategy", "create", "Baseline", "enable-file-transfer=N", "approve-mode=password");
  cli("strategy", "default", "Baseline");
  cli("strategy", "create", "Finance", "enable-clipboard=N", "whitelist=10.0.0.0/8");
  cli("strategy", "assign", "Finance", ...Array.from({ length: 8 }, (_, g) => `--device-group=group-${g + 1}`));
  cli("strategy", "create", "Contractors", "temporary-password-length=8");
  cli("strategy", "assign", "Contractors", ...Array.from({ length: 50 }, (_, u) => `--user=owner-${u + 1}`));
  cli("strategy", "create", "Kiosk", "enable-keyboard=N");
  cli("strategy", "assign", "Kiosk", ...Array.from({ length: 300 }, (_, k) => `--device=${fleetId(Math.floor((k * N) / 300) + 3)}`));
}

const REQUESTS = [
  "/api/admin/devices?page=1&page_size=50",
  "/api/admin/devices?page=1&page_size=50&sort=last_online&desc=true",
  "/api/admin/devices?page=2000&page_size=50",
  "/api/admin/devices?page=1&page_size=50&search=0004217",
  "/api/admin/devices?page=1&page_size=50&online=true",
  "/api/admin/users?page=1&page_size=50",
  "/api/admin/dashboard/stats",
  "/api/admin/dashboard/online?range=24h",
  "/api/admin/sessions?limit=50",
  "/api/admin/strategies",
  "/api/admin/strategies/Contractors/status?limit=200",
  "/api/admin/audit/conn?order=newest&limit=100",
];

let registered = 0;
/** The fleet, its audit rows, users, groups and strategies; returns an admin:r API token. */
async function build(): Promise<string> {
  const t0 = performance.now();
  const { p: server, url } = await startRdconsole(bin, env);
  /** The server's CPU time so far, in ms (user + system, from /proc; 10 ms ticks). */
  const cpu = () => {
    const f = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  await registerFleet(url, N);
  registered = (performance.now() - t0) / 1000;
  // Connection audit: a "new" row for each live connection, and an opened-then-closed one for as many other devices.
  await pool(N / 100, async (k) => {
    await post(url, "/api/audit/conn", { action: "new", conn_id: 1, id: fleetId(k * 100), ip: "10.0.0.1", session_id: 0, uuid: "dQ==" });
    await post(url, "/api/audit/conn", { conn_id: 1, id: fleetId(k * 100), peer: ["555000111", "helpdesk"], session_id: 1000 + k, type: 0, uuid: "dQ==" });
    for (const action of ["new", "close"]) await post(url, "/api/audit/conn", { action, conn_id: 2, id: fleetId(k * 100 + 1), ip: "10.0.0.2", session_id: 0, uuid: "dQ==" });
  }, 32);
  await stopServers();
  cli("user", "create", "admin", "--admin", "--generate");
  seed(Date.now());
  strategies();
  return (JSON.parse(cli("token", "create", "bench", "--scope", "admin:r", "--json")) as { token: string }).token;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

try {
  const tokenFile = join(dir, "token");
  const built = existsSync(tokenFile);
  const token = built ? readFileSync(tokenFile, "utf8") : await build();
  writeFileSync(tokenFile, token);
  const { p: server, url } = await startRdconsole(bin, env);
  /** The server's CPU time so far, in ms (user + system, from /proc; 10 ms ticks). */
  const cpu = () => {
    const f = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  const fleetOnline = Array.from({ length: N }, (_, i) => i).filter(online);
  const beatAll = () => pool(fleetOnline.length, (k) => beat(url, fleetOnline[k]!), 16);
  await beatAll();
  let beats = Promise.resolve();
  const beating = setInterval(() => (beats = beatAll()), 10_000);
  await Bun.sleep(500); // the first presence flush
  console.log(`${N} devices ${built ? "(kept from an earlier run)" : `registered in ${registered.toFixed(0)} s`}; ${fleetOnline.length} beating, ${N / 100} with a live connection; ${REPEAT} requests each`);
  console.log(`${"request".padEnd(72)} ${"status".padStart(6)} ${"bytes".padStart(8)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"CPU/req".padStart(8)}`);
  for (const path of REQUESTS) {
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    let cpu0 = 0;
    for (let r = -3; r < REPEAT; r++) {
      if (r === 0) cpu0 = cpu();
      const t = performance.now();
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.arrayBuffer();
      if (r >= 0) times.push(performance.now() - t);
      [status, bytes] = [res.status, body.byteLength];
    }
    const perRequest = (cpu() - cpu0) / REPEAT;
    times.sort((a, b) => a - b);
    console.log(`${path.padEnd(72)} ${String(status).padStart(6)} ${String(bytes).padStart(8)} ${pct(times, 50).toFixed(1).padStart(6)} ms ${pct(times, 95).toFixed(1).padStart(5)} ms ${perRequest.toFixed(1).padStart(5)} ms`);
  }
  clearInterval(beating);
  await beats;
} finally {
  await stopServers();
  rmSync(setup.dir, { recursive: true, force: true });
}
