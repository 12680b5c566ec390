// Every command refuses what it does not understand: unknown options, extra arguments, values a switch
// does not take. One line on stderr, exit status 2, nothing read or written.
import { beforeEach, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ArgDef, ArgsDef } from "citty";
import { main } from "../../cli/main.ts";
import { type AnyCommand, resolveValue, subCommandsOf, isRepeatable } from "../../cli/_strict.ts";
import { cleanEnv } from "../helpers/binary.ts";
import { runCli } from "../helpers/cli.ts";
import { cliDataDir } from "../helpers/cli-env.ts";
import { tempDir } from "../helpers/env.ts";

let data: string;
let file: string;
let cli: ReturnType<typeof cliDataDir>["cli"];
beforeEach(() => {
  const env = cliDataDir();
  ({ file, cli } = env);
  data = join(env.dir, "data");
});
const refused = (stderr: string) => ({ code: 2, stdout: "", stderr: `error: ${stderr}\n` });

describe("the probes from the issue, replayed", () => {
  const cases: [string[], string][] = [
    [["ban", "add", "203.0.113.9", "--expire", "1h"], "unknown option --expire (did you mean --expires?)"],
    [["serve", "--prot", "22012"], "unknown option --prot (did you mean --port?)"],
    [["serve", "--hots", "127.0.0.1"], "unknown option --hots (did you mean --host?)"],
    [["config", "check", "--confg", "bad.toml"], "unknown option --confg (did you mean --config?)"],
    [["ab", "list", "--usr", "bob"], "unknown option --usr (did you mean --user?)"],
    [["user", "create", "dave", "--emial", "x@y"], "unknown option --emial (did you mean --email?)"],
    [["user", "list", "--jsn"], "unknown option --jsn (did you mean --json?)"],
    [["device", "list", "--onlin"], "unknown option --onlin (did you mean --online?)"],
    [["user", "show", "alice", "bob"], 'unexpected argument "bob"'],
    [["group", "create", "Support", "--can-access-device-group", "Servers"], 'unknown option --can-access-device-group (it is an option of "group set")'],
  ];
  for (const [args, message] of cases)
    test(args.join(" "), async () => {
      expect(await cli(args)).toEqual(refused(message));
      expect(existsSync(data)).toBe(false);
    });

  test("user list --data-dri D creates neither ./data nor D (the real executable, in an empty directory)", () => {
    const cwd = tempDir();
    const r = Bun.spawnSync(["bun", join(import.meta.dir, "../../cli/main.ts"), "user", "list", "--data-dri", "D"], { cwd, env: cleanEnv({ RDCONSOLE_CONFIG: "/dev/null" }) });
    expect({ code: r.exitCode, stdout: r.stdout.toString(), stderr: r.stderr.toString() }).toEqual(refused("unknown option --data-dri (did you mean --data-dir?)"));
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);
});

describe("the rules", () => {
  test("options: --name=value, repeated, a forgotten value, short aliases, --no- only for switches, --", async () => {
    expect(await cli(["user", "create", "dave", "--email", "--admin"])).toEqual(refused("--email needs a value (write --email=--admin if that is the value)"));
    expect(await cli(["user", "list", "--json", "--json"])).toEqual(refused("--json is given twice"));
    expect(await cli(["user", "list", "-x"])).toEqual(refused("unknown option -x"));
    expect(await cli(["user", "list", "--no-email"])).toEqual(refused("unknown option --no-email"));
    expect(await cli(["user", "2fa", "enable", "bob", "--no-confirm=yes"])).toEqual(refused("--no-confirm takes no value"));
    expect(await runCli(["user", "delete", "--config", file, "bob", "--", "--yes"])).toEqual(refused('unexpected argument "--yes"'));
    expect(await cli(["usr", "list"])).toEqual(refused('unknown command "usr" (did you mean "user"?)'));
    expect(await cli(["ab", "create", "Team"])).toEqual(refused("missing option --owner"));
    expect(await cli(["user", "show"])).toEqual(refused("missing argument <name>"));
    // What is understood still works: =value, a short alias, an option before the positional, -- before a dashed name.
    await cli(["user", "create", "--email=dave@example.com", "dave", "--generate"]);
    expect(JSON.parse((await cli(["user", "show", "dave", "--json"])).stdout)).toMatchObject({ email: "dave@example.com" });
    expect(await cli(["user", "delete", "dave", "-y"])).toMatchObject({ code: 0 });
  });

  test("switches take no value but true or false; on/off options take exactly on or off", async () => {
    for (const v of ["no", "maybe", "yes", "0", "1", "off"]) expect(await cli(["user", "create", "dave", `--admin=${v}`, "--generate"])).toEqual(refused(`--admin is a switch: give it alone (or =true/=false), not "${v}"`));
    expect(existsSync(data)).toBe(false);
    await cli(["user", "create", "dave", "--admin=false", "--generate"]);
    await cli(["user", "create", "erin", "--admin=true", "--generate"]);
    const admins = JSON.parse((await cli(["user", "list", "--json"])).stdout).map((u: { name: string; is_admin: boolean }) => [u.name, u.is_admin]);
    expect(admins).toEqual([["dave", false], ["erin", true]]);
    for (const v of ["yes", "1", "true", "ON", "no"]) expect(await cli(["user", "set", "dave", "--admin", v])).toEqual(refused(`--admin takes on or off, not "${v}"`));
    await cli(["ab", "create", "Team", "--owner", "erin"]);
    for (const v of ["write", "ro", "RW"]) expect(await cli(["ab", "rule", "set", "Team", v, "--everyone"])).toEqual(refused(`the permission is read, rw or full, not "${v}"`));
  });

  test("--help anywhere shows the command's help on stdout, exit 0; a group alone shows its help on stderr, exit 2", async () => {
    const help = await cli(["ban", "add", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--expires");
    expect(await cli(["user", "list", "--jsn", "-h"])).toMatchObject({ code: 0, stdout: expect.stringContaining("USAGE rdconsole user list") });
    const group = await runCli(["user"]);
    expect(group).toMatchObject({ code: 2, stdout: "" });
    expect(group.stderr).toContain("USAGE rdconsole user create|list|show");
  });
});

/** Every runnable command, lazy sub-commands loaded, with its path. */
async function leaves(cmd: AnyCommand, path: string[] = []): Promise<[string[], AnyCommand][]> {
  const subs = await subCommandsOf(cmd);
  if (!Object.keys(subs).length) return [[path, cmd]];
  return (await Promise.all(Object.entries(subs).map(([name, sub]) => leaves(sub, [...path, name])))).flat();
}

/** A command line the leaf accepts: its positionals (`all`: optional ones too), required options, the data dir. */
async function commandLine(path: string[], cmd: AnyCommand, all: boolean): Promise<string[]> {
  const defs = Object.entries((await resolveValue(cmd.args as ArgsDef | undefined)) ?? {}) as [string, ArgDef][];
  const argv = [...path];
  for (const [name, d] of defs) if (d.type === "positional" && (all || d.required !== false)) argv.push(`${name}-value`);
  for (const [name, d] of defs) if (d.type !== "positional" && d.required === true) argv.push(`--${name}`, "1");
  if (defs.some(([name]) => name === "config")) argv.push("--config", file);
  if (defs.some(([name]) => name === "data-dir")) argv.push("--data-dir", data);
  return argv;
}

const all = await leaves(main as AnyCommand);
describe("over the whole command tree", () => {
  test("the tree is walked, lazy groups included", () => {
    expect(all.length).toBeGreaterThan(60);
    expect(all.map(([p]) => p.join(" "))).toContain("ab rule set");
  });

  for (const [path, cmd] of all)
    test(`${path.join(" ")}: an unknown option and an extra argument are refused before anything is touched`, async () => {
      const argv = await commandLine(path, cmd, false);
      expect(await runCli([...argv, "--zz-unknown"])).toEqual(refused("unknown option --zz-unknown"));
      expect(await runCli([...argv, "--zz-unknown=1"])).toEqual(refused("unknown option --zz-unknown"));
      // A last positional marked NAME... takes the rest (strategy create Locked K=V K=V): nothing is extra there.
      const defs = Object.values((await resolveValue(cmd.args as ArgsDef | undefined)) ?? {}) as ArgDef[];
      if (!defs.some((d) => d.type === "positional" && isRepeatable(d)))
        expect(await runCli([...(await commandLine(path, cmd, true)), "zz-extra"])).toEqual(refused('unexpected argument "zz-extra"'));
      expect(existsSync(data)).toBe(false);
      expect(await runCli([...path, "--help"])).toMatchObject({ code: 0, stderr: "", stdout: expect.stringContaining(`USAGE rdconsole`) });
    });
});

describe("positionals that take the rest, options that repeat", () => {
  test("strategy create takes any number of KEY=VALUE; --device repeats on assign, other options do not", async () => {
    const base = ["--config", file, "--data-dir", data];
    expect(await runCli(["strategy", "create", "S", "enable-audio=N", "enable-camera=N", ...base])).toMatchObject({ code: 0, stderr: "" });
    expect(await runCli(["strategy", "create", "T", "enable-audio", ...base])).toEqual(refused('expected KEY=VALUE, not "enable-audio"'));
    expect(await runCli(["strategy", "assign", "S", "--user", "a", "--user", "b", ...base])).toMatchObject({ code: 1, stderr: 'error: user "a" not found\n' });
    expect(await runCli(["strategy", "create", "U", "--note", "a", "--note", "b", ...base])).toEqual(refused("--note is given twice"));
    rmSync(data, { recursive: true, force: true });
  });
});
