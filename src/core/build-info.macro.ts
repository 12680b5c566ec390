// Bun macro: evaluated when the code is bundled (or transpiled by `bun run`/`bun test`),
// so the binary carries the version and commit it was built from.
import { readFileSync } from "node:fs";
import { join } from "node:path";

function git(...args: string[]): string {
  try {
    const r = Bun.spawnSync(["git", ...args], { cwd: join(import.meta.dir, "..", ".."), stderr: "ignore" });
    return r.success ? r.stdout.toString().trim() : "";
  } catch {
    return "";
  }
}

export function buildInfo(): { version: string; commit: string; date: string } {
  const pkg = JSON.parse(readFileSync(join(import.meta.dir, "..", "..", "package.json"), "utf8")) as { version: string };
  // BUILD_COMMIT: for builds from a copy without .git (install.sh builds in a temp copy).
  const given = process.env.BUILD_COMMIT ?? "";
  const commit = given || git("rev-parse", "--short=12", "HEAD");
  const dirty = !given && commit && git("status", "--porcelain", "--untracked-files=no") ? "-dirty" : "";
  return { version: pkg.version, commit: commit ? commit + dirty : "unknown", date: new Date().toISOString().slice(0, 10) };
}
