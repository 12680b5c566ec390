// The compiled executable for e2e tests: $TEST_RDCONSOLE_BIN when CI already built it, else one
// build per test run (≈ 3 s) with the release flags.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let built: string | undefined;

export function binaryPath(): string {
  const given = process.env.TEST_RDCONSOLE_BIN;
  if (given) {
    if (!existsSync(given)) throw new Error(`TEST_RDCONSOLE_BIN=${given} does not exist`);
    return given;
  }
  if (built) return built;
  // Not a tempDir(): those are removed after each test file, and the build is shared by all of them.
  const dir = mkdtempSync(join(tmpdir(), "rdc-bin-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, "rdconsole");
  const r = Bun.spawnSync(["bun", join(import.meta.dir, "..", "..", ".ci", "build.ts"), "--outfile", out], { stdout: "pipe", stderr: "pipe" });
  if (!r.success) throw new Error(`build failed:\n${r.stderr.toString()}`);
  built = out;
  return out;
}

/** Environment for a child process: no RDCONSOLE_* settings leak in from the test runner. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("RDCONSOLE_")) env[k] = v;
  return { ...env, NO_COLOR: "1", ...extra };
}
