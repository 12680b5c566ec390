// One run of the CLI for an argv, used by the executable and by in-process tests alike: `--version`,
// the usage check (cli/_strict.ts), help, then the command. The exit status ends up in io.exitCode:
// 0, 1 for a failure, 2 for a command line that is wrong.
import { type CommandMeta, renderUsage, runCommand } from "citty";
import { versionLine } from "../src/core/version.ts";
import { io, UsageError } from "./_io.ts";
import { type AnyCommand, checkArgv, type Lazy, resolveValue } from "./_strict.ts";

// citty colours its help even into a pipe; colours only for a terminal, and never with NO_COLOR set.
const ANSI = /\x1b\[[0-9;]*m/g;
const colours = (tty: boolean) => tty && !process.env.NO_COLOR;

/** citty names only the last two words; the help says the whole command. */
async function usage(root: AnyCommand, cmd: AnyCommand, path: string[], tty: boolean): Promise<string> {
  const meta = (await resolveValue(root.meta as Lazy<CommandMeta> | undefined)) ?? {};
  const parent = path.length ? { meta: { name: [meta.name ?? "rdconsole", ...path.slice(0, -1)].join(" "), version: meta.version } } : undefined;
  const text = await renderUsage(cmd, parent);
  return `${colours(tty) ? text : text.replace(ANSI, "")}\n`;
}

export async function runArgv(root: AnyCommand, argv: string[]): Promise<void> {
  try {
    if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) return io.out(`${versionLine()}\n`);
    const { cmd, path, help } = await checkArgv(root, argv);
    if (help === "asked") return io.rawOut(await usage(root, cmd, path, io.stdoutIsTTY()));
    if (help === "no-command") {
      io.rawErr(await usage(root, cmd, path, Boolean(process.stderr.isTTY)));
      io.exitCode = 2;
      return;
    }
    await runCommand(root, { rawArgs: argv });
  } catch (e) {
    // citty's own usage errors (class not exported) carry colour codes in their text.
    const usage = e instanceof UsageError || (e instanceof Error && e.name === "CLIError");
    io.err(`error: ${e instanceof Error ? e.message.replace(ANSI, "") : String(e)}\n`);
    if (!usage && e instanceof Error && process.env.DEBUG) io.err(`${e.stack}\n`);
    io.exitCode = usage ? 2 : 1;
  }
}
