// The user commands, run in-process against a temp data dir.
import { beforeEach, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDb } from "../../src/db/client.ts";
import { users } from "../../src/db/schema.ts";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/env.ts";

let base: string[];
beforeEach(() => {
  const dir = tempDir();
  const config = join(dir, "rdconsole.toml");
  writeFileSync(config, '[log]\nlevel = "silent"\n');
  base = ["--config", config, "--data-dir", join(dir, "data")];
});

const cli = (args: string[], input?: Parameters<typeof runCli>[1]) => runCli([...args, ...base], input);

describe("user create", () => {
  test("--password-stdin, then list --json has the stable shape", async () => {
    const created = await cli(["user", "create", "alice", "--admin", "--email", "alice@example.com", "--display-name", "Alice", "--password-stdin"], { stdin: "correct horse\n" });
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toMatch(/^created admin alice \([0-9a-f-]{36}\)\n$/);

    const list = await cli(["user", "list", "--json"]);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(users).toHaveLength(1);
    expect(Object.keys(users[0]!).sort()).toEqual(["created_at", "display_name", "email", "email_verification", "guid", "has_password", "is_admin", "locked", "locked_until", "name", "note", "status", "tfa", "tfa_enforced", "updated_at"]);
    expect(users[0]).toMatchObject({ name: "alice", display_name: "Alice", email: "alice@example.com", is_admin: true, status: 1, has_password: true, tfa: "off", tfa_enforced: false, email_verification: false });
  });

  test("asks twice on a terminal; different answers are refused", async () => {
    const ok = await cli(["user", "create", "bob"], { tty: ["password one", "password one"] });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe("New password: Repeat password: ");
    const differ = await cli(["user", "create", "carol"], { tty: ["password one", "password two"] });
    expect(differ).toMatchObject({ code: 1 });
    expect(differ.stderr).toEndWith("error: the two passwords differ\n");
  });

  test("without a terminal and without a password option it says what to do", async () => {
    const r = await cli(["user", "create", "bob"]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "error: no terminal to ask for the password on: use --password-stdin or --generate\n" });
  });

  test("--generate prints the password once, and it works", async () => {
    const r = await cli(["user", "create", "bob", "--generate"]);
    expect(r.code).toBe(0);
    const password = /password for bob: (\S+)/.exec(r.stdout)?.[1];
    expect(password).toHaveLength(20);
    const { db, close } = openDb(base[3]!);
    const hash = db.select().from(users).get()!.passwordHash!;
    close();
    expect(await Bun.password.verify(password!, hash)).toBe(true);
  });

  test("duplicate name and weak password: one line on stderr, exit 1", async () => {
    await cli(["user", "create", "alice", "--password-stdin"], { stdin: "password1" });
    expect(await cli(["user", "create", "Alice", "--password-stdin"], { stdin: "password1" })).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: a user named "alice" already exists\n',
    });
    expect(await cli(["user", "create", "bob", "--password-stdin"], { stdin: "short\n" })).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: password is too short: use at least 8 characters\n",
    });
  });
});

describe("the other user verbs", () => {
  beforeEach(async () => {
    await cli(["user", "create", "alice", "--password-stdin"], { stdin: "password1" });
  });

  test("list (table) and show", async () => {
    const list = await cli(["user", "list"]);
    expect(list.stdout.split("\n")[0]).toBe("NAME   ADMIN  STATUS  2FA  LOCKED  EMAIL  DISPLAY NAME");
    expect(list.stdout.split("\n")[1]).toBe("alice         normal  off");
    const show = await cli(["user", "show", "alice"]);
    expect(show.stdout).toContain("status        normal");
    expect(show.stdout).toContain("2fa enforced  no\n");
    // PUT /api/users/tfa/totp/enforce sets the flag; show reports it.
    const { db, close } = openDb(base[3]!);
    db.update(users).set({ totpEnforced: true }).run();
    close();
    expect((await cli(["user", "show", "alice"])).stdout).toContain("2fa enforced  yes\n");
    expect(JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout)).toMatchObject({ tfa: "off", tfa_enforced: true });
    expect((await cli(["user", "show", "nobody"])).stderr).toBe('error: user "nobody" not found\n');
  });

  test("passwd, disable, enable", async () => {
    expect((await cli(["user", "passwd", "alice", "--password-stdin"], { stdin: "another password" })).stdout).toBe("password of alice changed\n");
    expect((await cli(["user", "disable", "alice"])).stdout).toBe("user alice disabled\n");
    expect(JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout).status).toBe(0);
    expect((await cli(["user", "enable", "alice"])).stdout).toBe("user alice enabled\n");
    expect(JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout).status).toBe(1);
  });

  test("delete asks unless --yes; refuses without a terminal", async () => {
    expect(await cli(["user", "delete", "alice"])).toMatchObject({ code: 1, stderr: "error: not confirmed: pass --yes to run this without a terminal\n" });
    expect(await cli(["user", "delete", "alice"], { tty: ["n"] })).toMatchObject({ code: 1 });
    expect(JSON.parse((await cli(["user", "list", "--json"])).stdout)).toHaveLength(1);
    expect(await cli(["user", "delete", "alice"], { tty: ["y"] })).toMatchObject({ code: 0, stdout: "user alice deleted\n" });
    await cli(["user", "create", "bob", "--password-stdin"], { stdin: "password1" });
    expect(await cli(["user", "delete", "bob", "--yes"])).toMatchObject({ code: 0 });
    expect(JSON.parse((await cli(["user", "list", "--json"])).stdout)).toEqual([]);
  });
});

test("passwd and delete say a user is unknown before asking anything", async () => {
  expect(await cli(["user", "passwd", "ghost"], { tty: [] })).toEqual({ code: 1, stdout: "", stderr: 'error: user "ghost" not found\n' });
  expect(await cli(["user", "delete", "ghost"], { tty: [] })).toEqual({ code: 1, stdout: "", stderr: 'error: user "ghost" not found\n' });
});
