// How to run this program's CLI, the way it was started: `rdconsole` for the compiled binary,
// `bun cli/main.ts` from a checkout (where no rdconsole executable may exist at all).
import { basename, isAbsolute, relative } from "node:path";

export function cliInvocation(execPath = process.execPath, script = process.argv[1] ?? "", cwd = process.cwd()): string {
  const viaBun = /^bun(-debug)?(\.exe)?$/.test(basename(execPath)) && /\.[cm]?[jt]s$/.test(script) && !script.startsWith("/$bunfs/");
  if (!viaBun) return "rdconsole";
  const rel = relative(cwd, script);
  return `bun ${rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : script}`;
}
