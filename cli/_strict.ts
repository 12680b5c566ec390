// The usage check every command gets before it runs: citty itself ignores unknown options and extra
// arguments, so `ban add X --expire 1h` would have banned forever. This walks the command tree the way
// citty dispatches (options before a sub-command name belong to the group) and checks argv against each
// level's `args`, loading lazy sub-commands on the way. Nothing here reads config or data.
import type { ArgDef, ArgsDef, CommandDef } from "citty";
import { closest } from "../src/config/suggest.ts";
import { UsageError } from "./_io.ts";

// biome-ignore lint/suspicious/noExplicitAny: commands are defined with many different arg shapes
export type AnyCommand = CommandDef<any>;

export interface Resolved {
  cmd: AnyCommand;
  /** The sub-command names from the root down to cmd. */
  path: string[];
  /** `--help`/`-h` was given, or a group was named without a sub-command. */
  help: "asked" | "no-command" | null;
}

export type Lazy<T> = T | Promise<T> | (() => T | Promise<T>);
export const resolveValue = async <T>(v: Lazy<T>): Promise<T> => (typeof v === "function" ? await (v as () => T | Promise<T>)() : await v);

export async function subCommandsOf(cmd: AnyCommand): Promise<Record<string, AnyCommand>> {
  const subs = ((await resolveValue(cmd.subCommands as Lazy<Record<string, Lazy<AnyCommand>>> | undefined)) ?? {}) as Record<string, Lazy<AnyCommand>>;
  const out: Record<string, AnyCommand> = {};
  for (const [name, sub] of Object.entries(subs)) out[name] = await resolveValue(sub);
  return out;
}

const isOption = (tok: string) => tok.length > 1 && tok.startsWith("-");
/** A value hint ending in "..." marks an option that may be given more than once, or a last positional that takes the rest. */
export const isRepeatable = (def: ArgDef) => typeof (def as { valueHint?: unknown }).valueHint === "string" && ((def as { valueHint: string }).valueHint.endsWith("..."));
const isHelp = (tok: string) => tok === "--help" || tok === "-h";
const quote = (s: string) => JSON.stringify(s);

/** `group create --can-access-device-group X`: say which sibling command takes that option. */
function elsewhere(siblings: Record<string, AnyCommand>, groupPath: string[], flag: string): string {
  if (!flag.startsWith("--")) return "";
  for (const [name, sib] of Object.entries(siblings)) {
    const args = typeof sib.args === "object" && !(sib.args instanceof Promise) ? (sib.args as ArgsDef) : {};
    const def = args[flag.slice(2)];
    if (def && def.type !== "positional") return ` (it is an option of "${[...groupPath, name].join(" ")}")`;
  }
  return "";
}

/** Checks argv against the command tree; throws UsageError (exit status 2) on the first problem. */
export async function checkArgv(root: AnyCommand, argv: string[]): Promise<Resolved> {
  let cmd = root;
  let siblings: Record<string, AnyCommand> = {};
  const path: string[] = [];
  let problem: string | null = null;
  const fail = (message: string) => void (problem ??= message);
  let i = 0;
  for (;;) {
    const start = i;
    const defs = Object.entries((await resolveValue(cmd.args as Lazy<ArgsDef> | undefined)) ?? {}) as [string, ArgDef][];
    const subs = cmd.subCommands ? await subCommandsOf(cmd) : {};
    const isGroup = Object.keys(subs).length > 0;
    const options = new Map(defs.filter(([, d]) => d.type !== "positional"));
    const positionals = defs.filter(([, d]) => d.type === "positional");
    const seen = new Set<string>();
    const given: string[] = [];
    let help = false;
    let descended = false;

    const option = (tok: string) => {
      const eq = tok.indexOf("=");
      const flag = eq < 0 ? tok : tok.slice(0, eq);
      const value = eq < 0 ? undefined : tok.slice(eq + 1);
      let name = flag.startsWith("--") ? flag.slice(2) : [...options].find(([, d]) => [(d as { alias?: string | string[] }).alias ?? []].flat().includes(flag.slice(1)))?.[0];
      let def = name === undefined ? undefined : options.get(name);
      let negated = false;
      if (!def && name?.startsWith("no-") && options.get(name.slice(3))?.type === "boolean") {
        name = name.slice(3);
        def = options.get(name);
        negated = true;
      }
      if (!def || name === undefined) {
        const hint = flag.startsWith("--") ? closest(flag.slice(2), [...options.keys()]) : undefined;
        return fail(`unknown option ${flag}${hint ? ` (did you mean --${hint}?)` : elsewhere(siblings, path.slice(0, -1), flag)}`);
      }
      if (seen.has(name) && !isRepeatable(def)) fail(`--${name} is given twice`);
      seen.add(name);
      if (def.type === "boolean") {
        if (value === undefined) return;
        if (negated) return fail(`--no-${name} takes no value`);
        if (value !== "true" && value !== "false") fail(`--${name} is a switch: give it alone (or =true/=false), not ${quote(value)}`);
        return;
      }
      let v = value;
      if (v === undefined) {
        const next = argv[i + 1];
        // A value that looks like an option is most likely a forgotten value: `--email --admin`.
        if (next === undefined || isOption(next)) return fail(`--${name} needs a value${next === undefined ? "" : ` (write --${name}=${next} if that is the value)`}`);
        v = next;
        i++;
      }
      if (def.type === "enum" && def.options && !def.options.includes(v)) fail(`--${name} is one of ${def.options.join(", ")}, not ${quote(v)}`);
    };

    for (; i < argv.length; i++) {
      const tok = argv[i]!;
      if (tok === "--") {
        if (!isGroup) given.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      }
      if (isHelp(tok)) help = true;
      else if (isOption(tok)) option(tok);
      else if (isGroup) {
        if (problem) continue; // only looking for --help now
        const sub = subs[tok] ?? Object.values(subs).find((s) => [(s.meta as { alias?: string | string[] } | undefined)?.alias ?? []].flat().includes(tok));
        if (!sub) {
          const hint = closest(tok, Object.keys(subs));
          fail(`unknown command ${quote(tok)}${hint ? ` (did you mean ${quote(hint)}?)` : ""}`);
          continue;
        }
        // A group that runs a default command by itself (`backup [--out F]`) takes its options there only.
        if (cmd.default && seen.size) fail(`options go after the command name: ${[...path, tok].join(" ")} [options]`);
        if (problem) continue;
        siblings = subs;
        path.push(tok);
        cmd = sub;
        i++;
        descended = true;
        break;
      } else given.push(tok);
    }
    if (descended) continue;
    if (help) return { cmd, path, help: "asked" };
    if (problem) throw new UsageError(problem);
    const fallback = typeof cmd.default === "string" ? subs[cmd.default] : undefined;
    if (isGroup && fallback) {
      // No command named: the group's default one takes the same argv (citty runs it the same way).
      siblings = subs;
      cmd = fallback;
      i = start;
      continue;
    }
    if (isGroup) return { cmd, path, help: "no-command" };
    const required = [...options].find(([name, d]) => d.required === true && d.default === undefined && !seen.has(name));
    if (required) throw new UsageError(`missing option --${required[0]}`);
    const variadic = positionals.length > 0 && isRepeatable(positionals.at(-1)![1]);
    if (given.length > positionals.length && !variadic) throw new UsageError(`unexpected argument ${quote(given[positionals.length]!)}`);
    const missing = positionals.slice(given.length).find(([, d]) => d.required !== false && d.default === undefined);
    if (missing) throw new UsageError(`missing argument <${missing[0]}>`);
    return { cmd, path, help: null };
  }
}
