// rdconsole backup [create] / backup list / restore through the CLI: what they print, the usage errors
// (exit 2, nothing written), the confirmation of a restore, and a restore refused while a server runs.
import { describe, expect, test } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { acquireLock } from "../../src/lifecycle/lock.ts";
import { cliDataDir } from "../helpers/cli-env.ts";
import { runCli } from "../helpers/cli.ts";

const refused = (stderr: string) => ({ code: 2, stdout: "", stderr: `error: ${stderr}\n` });

describe("usage errors: exit 2, nothing written", () => {
  const { cli, dir } = cliDataDir();
  test.each([
    [["backup", "--bogus"], "unknown option --bogus"],
    [["backup", "create", "--with-recording"], "unknown option --with-recording (did you mean --with-recordings?)"],
    [["backup", "somefile.tar.gz"], 'unknown command "somefile.tar.gz"'],
    [["backup", "--out"], "--out needs a value (write --out=--config if that is the value)"],
    [["backup", "--out", "x.tar.gz", "list"], "options go after the command name: backup list [options]"],
    [["backup", "list", "--out", "x"], "unknown option --out (it is an option of \"backup create\")"],
    [["backup", "--with-recordings=maybe"], '--with-recordings is a switch: give it alone (or =true/=false), not "maybe"'],
    [["restore"], "missing argument <file>"],
    [["restore", "a.tar.gz", "b.tar.gz"], 'unexpected argument "b.tar.gz"'],
    [["restore", "a.tar.gz"], "restore replaces the database: pass --yes to run it without a terminal"],
  ])("%p", async (args, message) => {
    const r = await cli(args);
    expect(r).toEqual(refused(message));
    expect(existsSync(join(dir, "data"))).toBe(false);
  });

  test("help for the group, which runs create by itself", async () => {
    const help = await runCli(["backup", "--help"]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toContain("--with-recordings");
    expect(help.stdout).toContain("create|list");
  });
});

describe("backup, list, restore", async () => {
  const { cli, dir, json } = cliDataDir();
  await cli(["user", "create", "alice", "--password-stdin"], { stdin: "alice-password" });
  const data = join(dir, "data");

  test("bare backup, backup create --out, backup list (table and --json)", async () => {
    const bare = await cli(["backup"]);
    expect(bare).toMatchObject({ code: 0, stderr: "" });
    expect(bare.stdout).toMatch(new RegExp(`^backup written to ${data}/backups/rdconsole-\\d{8}T\\d{6}Z\\.tar\\.gz \\([\\d.]+ KiB; 1 file, schema version \\d+\\)\\n$`));
    const out = join(dir, "elsewhere.tar.gz");
    expect(await cli(["backup", "create", "--out", out, "--with-recordings"])).toMatchObject({ code: 0, stdout: expect.stringContaining(`backup written to ${out} (`) });
    expect(existsSync(out)).toBe(true);
    expect(await cli(["backup", "--out", out])).toEqual({ code: 1, stdout: "", stderr: `error: ${out} already exists; choose another --out\n` });
    const rows = await json(["backup", "list"]);
    expect(rows).toEqual([{ name: expect.stringMatching(/^rdconsole-/), file: expect.stringContaining(join(data, "backups")), size: expect.any(Number), created_at: expect.any(String), rdconsole_version: expect.any(String), schema_version: expect.any(Number), with_recordings: false, problem: null }]);
    const table = await cli(["backup", "list"]);
    expect(table.stdout).toMatch(/^NAME\s+SIZE\s+CREATED \(UTC\)\s+RDCONSOLE\s+SCHEMA\s+RECORDINGS\nrdconsole-\S+\s+[\d.]+ KiB\s+\S+Z\s+\S+\s+\d+\s+no\n1 backup, /);
  });

  test("restore asks on a terminal: no cancels, yes restores and says what it did", async () => {
    const [{ file }] = await json(["backup", "list"]);
    await cli(["user", "create", "bob", "--password-stdin"], { stdin: "bob-password" });
    expect(await cli(["restore", file], { tty: ["n"] })).toMatchObject({ code: 1, stderr: expect.stringContaining("error: cancelled") });
    expect((await json(["user", "list"])).map((u: { name: string }) => u.name)).toEqual(["alice", "bob"]);
    const r = await cli(["restore", file], { tty: ["y"] });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^checked 1 file\(s\) against the manifest: rdconsole \S+, schema version \d+, taken \S+\nkept aside in .+: rdconsole\.db\.before-restore-\d{8}T\d{6}Z\nrestored: rdconsole\.db\nintegrity check: ok\n$/);
    expect((await json(["user", "list"])).map((u: { name: string }) => u.name)).toEqual(["alice"]);
    expect(readdirSync(data).filter((n) => n.includes("before-restore"))).toHaveLength(1);
  });

  test("restore --yes while a server holds the lock: exit 1, nothing changed", async () => {
    const [{ file }] = await json(["backup", "list"]);
    const lock = acquireLock(data);
    try {
      const r = await cli(["restore", file, "--yes"]);
      expect(r).toEqual({ code: 1, stdout: "", stderr: `error: another rdconsole server (pid ${process.pid}) is already using the data dir ${data}; stop it first, a restore replaces its database\n` });
    } finally {
      lock.release();
    }
    expect(readdirSync(data).filter((n) => n.includes("before-restore"))).toHaveLength(1);
  });
});
