// Benchmark: a client pulling a 10,000-peer shared address book exactly as ab_model.dart does
// (personal, settings, shared profiles, then 100 pages of 100 peers, then tags), sequentially,
// against the compiled binary. Server pinned to core 0, this client to core 1 (when taskset exists).
//
//   bun run bench:ab            (TEST_RDCONSOLE_BIN=dist/rdconsole to reuse a build)
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchSetup, pinSelf, startRdconsole } from "./_setup.ts";

const PEERS = 10_000;
const RUNS = 7;
const { dir, bin } = benchSetup("ab");
pinSelf();

const env = { ...process.env, RDCONSOLE_CONFIG: "/dev/null", RDCONSOLE_DATA_DIR: join(dir, "data"), RDCONSOLE_LOG_LEVEL: "warn" };
const cli = (...args: string[]) => {
  const r = Bun.spawnSync([bin, ...args], { env, stdin: "pipe", stderr: "pipe" });
  if (!r.success) throw new Error(`${args.join(" ")}: ${r.stderr}`);
};
Bun.spawnSync([bin, "user", "create", "alice", "--password-stdin"], { env, stdin: new TextEncoder().encode("alice-password") });
cli("ab", "create", "Fleet", "--owner", "alice");
const csv = ["id,alias,tags,note", ...Array.from({ length: PEERS }, (_, i) => `${100000000 + i},Machine ${i},${["office", "lab", "remote"][i % 3]},note ${i}`)].join("\n");
writeFileSync(join(dir, "fleet.csv"), csv);
cli("ab", "import", "Fleet", join(dir, "fleet.csv"));

const { p: server, url: base } = await startRdconsole(bin, { ...env, RDCONSOLE_LOG_LEVEL: "info", RDCONSOLE_LOG_REQUESTS: "false" });

try {
  const login = await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "alice", password: "alice-password", id: "1", uuid: "dQ==", type: "account", deviceInfo: {} }) });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": "0" };
  const post = async (path: string) => {
    const r = await fetch(`${base}${path}`, { method: "POST", headers });
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    return r.json() as Promise<unknown>;
  };

  async function pull(): Promise<{ ms: number; peers: number; bytes: number }> {
    const start = performance.now();
    let bytes = 0;
    await post("/api/ab/personal");
    await post("/api/ab/settings");
    const profiles = (await post("/api/ab/shared/profiles?current=1&pageSize=100")) as { data: { guid: string }[] };
    const guid = profiles.data[0]!.guid;
    let peers = 0;
    let total = 0;
    let current = 1;
    do {
      const r = await fetch(`${base}/api/ab/peers?current=${current}&pageSize=100&ab=${guid}`, { method: "POST", headers });
      const text = await r.text();
      bytes += text.length;
      const page = JSON.parse(text) as { total: number; data: unknown[] };
      if (current === 1) total = page.total;
      peers += page.data.length;
    } while (current++ * 100 < total);
    await post(`/api/ab/tags/${guid}`);
    return { ms: performance.now() - start, peers, bytes };
  }

  await pull(); // warm-up
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await pull());
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`pulled ${runs[0]!.peers} peers in 100 pages (${(runs[0]!.bytes / 1e6).toFixed(2)} MB JSON), ${RUNS} runs`);
  console.log(`total per pull: median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms; ${(median / 100).toFixed(2)} ms per page`);
} finally {
  server.kill("SIGTERM");
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}
