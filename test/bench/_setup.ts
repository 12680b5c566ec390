// What every benchmark needs: a scratch dir, the compiled binary (TEST_RDCONSOLE_BIN, else a fresh
// build), CPU pinning (server on core 0, load on core 1, when taskset exists), and a server started
// on a free port.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stampOf } from "../../src/strategies/stamp.ts";

const root = join(import.meta.dir, "..", "..");

/** `taskset -c <core>` in front of a command, or nothing where taskset is missing. */
export const pin = (core: number) => (Bun.which("taskset") ? ["taskset", "-c", String(core)] : []);

/** Moves this process (the load generator) to core 1. */
export function pinSelf(): void {
  if (Bun.which("taskset")) Bun.spawnSync(["taskset", "-cp", "1", String(process.pid)], { stdout: "ignore" });
}

export function requireWrk(): void {
  if (!Bun.which("wrk")) throw new Error("wrk is not installed (apt-get install wrk)");
}

/** A scratch dir and the binary to measure. */
export function benchSetup(name: string): { dir: string; bin: string } {
  const dir = mkdtempSync(join(tmpdir(), `rdc-bench-${name}-`));
  let bin = process.env.TEST_RDCONSOLE_BIN;
  if (!bin) {
    bin = join(dir, "rdconsole");
    if (!Bun.spawnSync(["bun", join(root, ".ci", "build.ts"), "--outfile", bin], { stdout: "ignore" }).success) throw new Error("build failed");
  }
  return { dir, bin };
}

/** Starts a server that prints "listening on <url>" and waits for it (up to 10 s). */
export async function startServer(cmd: string[], env: Record<string, string | undefined>): Promise<{ p: Bun.Subprocess; url: string }> {
  const p = Bun.spawn(cmd, { env, stdout: "pipe", stderr: "pipe" });
  started.push(p);
  let out = "";
  const decoder = new TextDecoder();
  for (const stream of [p.stdout, p.stderr]) void (async () => { for await (const c of stream) out += decoder.decode(c); })();
  for (let i = 0; i < 400 && !/listening on/.test(out); i++) await Bun.sleep(25);
  const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
  if (!url) throw new Error(`did not start:\n${out}`);
  return { p, url };
}

const started: Bun.Subprocess[] = [];

/** SIGTERM to every server started here that still runs, and waits for them; for a benchmark's `finally`. */
export async function stopServers(): Promise<void> {
  for (const p of started.splice(0)) {
    p.kill("SIGTERM");
    await p.exited;
  }
}

/** The rdconsole server under measurement, on core 0. */
export const startRdconsole = (bin: string, env: Record<string, string | undefined>) => startServer([...pin(0), bin, "serve", "--host", "127.0.0.1", "--port", "0"], env);

export interface WrkRun {
  /** wrk's own report, for error messages. */
  out: string;
  rps: number;
  requests: number;
  /** Responses other than 2xx/3xx. */
  non2xx: number;
  /** wrk's socket error line ("connect 0, read 0, write 0, timeout 3"), or null. */
  socketErrors: string | null;
  /** A latency from wrk's report in ms: a percentile (50, 99) or "max"; NaN when absent. */
  latency(which: number | "max"): number;
}

/** wrk on core 1 (one thread, --latency) with a Lua script; the caller decides which errors fail the run. */
export async function runWrk(o: { script: string; url: string; connections: number; seconds: number; timeout?: string }): Promise<WrkRun> {
  const args = ["wrk", "-t1", `-c${o.connections}`, `-d${o.seconds}s`, ...(o.timeout ? ["--timeout", o.timeout] : []), "--latency", "-s", o.script, o.url];
  const p = Bun.spawn([...pin(1), ...args], { stdout: "pipe", stderr: "pipe" });
  const [out, err] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text()]);
  if ((await p.exited) !== 0 || !/Requests\/sec/.test(out)) throw new Error(`wrk failed:\n${out}${err}`);
  const toMs = (m: RegExpExecArray | null) => (m ? Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1) : Number.NaN);
  return {
    out,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: /Socket errors: (.*)/.exec(out)?.[1] ?? null,
    latency: (which) =>
      toMs(which === "max" ? /Latency(?:\s+[\d.]+\w+){2}\s+([\d.]+)(us|ms|s)/.exec(out) : new RegExp(`\\b${which}%\\s+([\\d.]+)(us|ms|s)`).exec(out)),
  };
}

/** Runs `count` jobs with at most `inFlight` at once. */
export async function pool(count: number, job: (i: number) => Promise<void>, inFlight = 256): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < count) await job(next++);
  }));
}

/** RustDesk ID of fleet device i (registerFleet). */
export const fleetId = (i: number) => String(100_000_000 + i);

/** The server's environment for a fleet of `devices` in `dir` (registration limits lifted). */
export const fleetEnv = (dir: string, devices: number, extra: Record<string, string> = {}) => ({
  ...process.env,
  RDCONSOLE_CONFIG: "/dev/null",
  RDCONSOLE_DATA_DIR: join(dir, "data"),
  RDCONSOLE_LOG_LEVEL: "info",
  RDCONSOLE_DEVICES_REGISTRATIONS_PER_IP_PER_HOUR: "1000000",
  RDCONSOLE_DEVICES_REGISTRATIONS_PER_MINUTE: "1000000",
  RDCONSOLE_DEVICES_MAX: String(devices + 10),
  ...extra,
});

/** Registers fleet devices 0 … count-1 through /api/sysinfo, 256 at a time, as Windows machines named host-<i>. */
export async function registerFleet(url: string, count: number): Promise<void> {
  await pool(count, async (i) => {
    const body = JSON.stringify({ cpu: "x", hostname: `host-${i}`, id: fleetId(i), memory: "8GB", os: "windows / Windows 11", username: "u", uuid: "dQ==", version: "1.4.9" });
    const r = await fetch(`${url}/api/sysinfo`, { method: "POST", body, headers: { "content-type": "application/json" } });
    if ((await r.text()) !== "SYSINFO_UPDATED") throw new Error(`registering device ${fleetId(i)} refused`);
  });
}

/** Registers devices 100000000+first … +count-1 with uuid "dQ==" through /api/sysinfo, 50 at a time. */
export async function registerDevices(url: string, count: number, first = 0): Promise<void> {
  for (let i = first; i < first + count; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, first + count - i) }, (_, j) =>
        fetch(`${url}/api/sysinfo`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hostname: `h${i + j}`, id: String(100000000 + i + j), os: "linux / x", uuid: "dQ==", version: "1.4.9" }) })
          .then((r) => r.text())
          .then((t) => {
            if (t !== "SYSINFO_UPDATED") throw new Error(`registering device ${100000000 + i + j}: ${t}`);
          }),
      ),
    );
}

/**
 * A wrk script that POSTs JSON to `path`, the body a Lua expression of the request counter `n`;
 * `delayMs`: a random pause up to that long before each request (wrk's `delay`).
 */
export function wrkPostScript(dir: string, name: string, path: string, bodyLua: string, delayMs?: number): string {
  const script = join(dir, `${name}.lua`);
  writeFileSync(
    script,
    `local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "${path}", { ["Content-Type"] = "application/json" }, ${bodyLua})
end
${delayMs ? `delay = function() return math.random(0, ${delayMs}) end` : ""}`,
  );
  return script;
}

/** Heartbeats of devices 100000000 … +devices-1 in turn (the ids registerDevices makes), echoing `modifiedAt`. */
export const heartbeatScript = (dir: string, devices: number, delayMs?: number, modifiedAt = 0) =>
  wrkPostScript(dir, "beat", "/api/heartbeat", `'{"id":"' .. (100000000 + n % ${devices}) .. '","modified_at":${modifiedAt},"uuid":"dQ==","ver":1004090}'`, delayMs);

/** The settings BENCH_STRATEGY=1 gives every device (the server's default strategy). */
export const BENCH_OPTIONS = { "enable-file-transfer": "N", "approve-mode": "password", "temporary-password-length": "8", whitelist: "10.0.0.0/8,192.168.0.0/16", "enable-clipboard": "N" };

/**
 * With BENCH_STRATEGY=1: a default strategy for every device, made by the binary's CLI on the server's
 * data dir; returns the stamp the devices echo once they have it (0 without a strategy).
 */
export function benchStrategy(bin: string, env: Record<string, string | undefined>): number {
  if (process.env.BENCH_STRATEGY !== "1") return 0;
  const run = (...args: string[]) => {
    const r = Bun.spawnSync([bin, ...args], { env, stderr: "pipe", stdout: "ignore" });
    if (!r.success) throw new Error(`${args.join(" ")}: ${r.stderr.toString()}`);
  };
  run("strategy", "create", "Bench", ...Object.entries(BENCH_OPTIONS).map(([k, v]) => `${k}=${v}`));
  run("strategy", "default", "Bench");
  console.log("every device has the default strategy Bench; beats echo its stamp");
  return stampOf(BENCH_OPTIONS);
}
