// What every benchmark needs: a scratch dir, the compiled binary (TEST_RDCONSOLE_BIN, else a fresh
// build), CPU pinning (server on core 0, load on core 1, when taskset exists), and a server started
// on a free port.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  let out = "";
  const decoder = new TextDecoder();
  for (const stream of [p.stdout, p.stderr]) void (async () => { for await (const c of stream) out += decoder.decode(c); })();
  for (let i = 0; i < 400 && !/listening on/.test(out); i++) await Bun.sleep(25);
  const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
  if (!url) throw new Error(`did not start:\n${out}`);
  return { p, url };
}

/** The rdconsole server under measurement, on core 0. */
export const startRdconsole = (bin: string, env: Record<string, string | undefined>) => startServer([...pin(0), bin, "serve", "--host", "127.0.0.1", "--port", "0"], env);
