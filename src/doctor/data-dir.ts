// The data dir: 0700 and owned, with everything in it, by the account the server runs as. A file owned by
// another account (root running the CLI without sudo -u) locks the server out of its own database.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { osUserName } from "../core/os-user.ts";
import { fail, ok, warn, type CheckResult } from "./check.ts";

const NAME = "data dir";

/** The uid of the running server of this data dir (serve.pid, /proc), or null. */
export function serverUid(dir: string): number | null {
  try {
    const pid = readFileSync(join(dir, "serve.pid"), "utf8").trim();
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("Uid:"));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

/** `expectUid`: the server's (the admin API knows its own); else the running server's, else this process's. */
export function checkDataDir(dir: string, expectUid: number | null = serverUid(dir)): CheckResult {
  if (!existsSync(dir)) return warn(NAME, `${dir} does not exist yet`, "start the server once (rdconsole serve) or create it: install -d -m 0700 -o <service user> " + dir);
  const st = statSync(dir);
  if (!st.isDirectory()) return fail(NAME, `${dir} is not a directory`, "point data.dir at a directory");
  const me = process.getuid?.() ?? null;
  // root running the CLI on a service user's dir is fine: the CLI switches to the dir's owner.
  const want = expectUid ?? (me === 0 ? st.uid : me);
  const who = want === null ? "" : osUserName(want);
  const problems: string[] = [];
  if (want !== null && st.uid !== want) problems.push(`${dir} is owned by ${osUserName(st.uid)}, the server runs as ${who}`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    return fail(NAME, `cannot read ${dir} as ${osUserName(me ?? undefined)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, `run doctor as the server's user (sudo -u ${osUserName(st.uid)} rdconsole doctor) or as root`);
  }
  for (const name of names) {
    const f = statSync(join(dir, name));
    if (want !== null && f.uid !== want) problems.push(`${name} is owned by ${osUserName(f.uid)}`);
  }
  const mode = st.mode & 0o777;
  if (mode & 0o077) problems.push(`mode ${mode.toString(8).padStart(4, "0")} lets other accounts in (want 0700)`);
  if (problems.length) return fail(NAME, problems.join("; "), `chown -R ${who || "<service user>"}: ${dir} && chmod 700 ${dir}`);
  return ok(NAME, `${dir}: 0700, owned by ${osUserName(st.uid)}`);
}
