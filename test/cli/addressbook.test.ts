// ab and group commands, in-process against a temp data dir.
import { beforeEach, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/env.ts";

let base: string[];
let dir: string;
beforeEach(async () => {
  dir = tempDir();
  const file = join(dir, "rdconsole.toml");
  writeFileSync(file, `[log]\nlevel = "silent"\n[data]\ndir = "data"\n`);
  base = ["--config", file];
  for (const u of ["admin", "alice", "bob"]) await cli(["user", "create", u, "--password-stdin"], { stdin: `${u}-password` });
});
const cli = (args: string[], input?: Parameters<typeof runCli>[1]) => runCli([...args, ...base], input);
const json = async (args: string[]) => JSON.parse((await cli([...args, "--json"])).stdout);

test("group create, add-user (moves), list, remove-user, delete", async () => {
  expect((await cli(["group", "create", "Helpdesk", "--note", "first line"])).stdout).toMatch(/^created group Helpdesk \([0-9a-f-]{36}\)\n$/);
  await cli(["group", "create", "Ops"]);
  expect((await cli(["group", "create", "helpdesk"])).stderr).toBe('error: a group named "Helpdesk" already exists\n');
  await cli(["group", "add-user", "Helpdesk", "alice"]);
  await cli(["group", "add-user", "Ops", "alice"]); // one group at most: moved
  await cli(["group", "add-user", "Ops", "bob"]);
  // Every user starts in "Default" (RustDesk Server Pro's model); admin stays there.
  expect((await json(["group", "list"])).map((g: { name: string; user_count: number }) => `${g.name}:${g.user_count}`)).toEqual(["Default:1", "Helpdesk:0", "Ops:2"]);
  expect((await cli(["group", "remove-user", "Helpdesk", "bob"])).stderr).toBe('error: user "bob" is not in group "Helpdesk"\n');
  expect((await cli(["group", "remove-user", "Ops", "bob"])).stdout).toBe("bob left group Ops\n");
  expect((await cli(["group", "delete", "Ops", "--yes"])).stdout).toBe("deleted group Ops\n");
  expect((await json(["group", "list"])).map((g: { name: string }) => g.name)).toEqual(["Default", "Helpdesk"]);
  expect((await cli(["group", "delete", "Default", "--yes"])).stderr).toBe('error: the "Default" group cannot be deleted\n');
});

describe("ab", () => {
  beforeEach(async () => {
    await cli(["group", "create", "Helpdesk"]);
    await cli(["group", "add-user", "Helpdesk", "bob"]);
    expect((await cli(["ab", "create", "Ops team", "--owner", "admin", "--password", "team-default"])).stdout).toMatch(/^created address book Ops team \(/);
  });

  test("rules: set, list, precedence as seen by ab list --user, remove", async () => {
    expect((await cli(["ab", "rule", "set", "Ops team", "rw", "--user", "alice"])).stdout).toBe("rule set\n");
    await cli(["ab", "rule", "set", "Ops team", "read", "--group", "Helpdesk"]);
    await cli(["ab", "rule", "set", "Ops team", "full", "--everyone"]);
    await cli(["ab", "rule", "set", "Ops team", "read", "--user", "alice"]); // changes, not duplicates
    expect(await json(["ab", "rules", "Ops team"])).toMatchObject([
      { user: "alice", group: null, rule: 1, permission: "read" },
      { user: null, group: "Helpdesk", rule: 1, permission: "read" },
      { user: null, group: null, rule: 3, permission: "full" },
    ]);
    expect((await json(["ab", "list", "--user", "bob"])).map((b: { name: string }) => b.name)).toEqual(["Ops team"]);
    await cli(["ab", "rule", "remove", "Ops team", "--everyone"]);
    await cli(["ab", "rule", "remove", "Ops team", "--group", "Helpdesk"]);
    expect(await json(["ab", "list", "--user", "bob"])).toEqual([]);
    expect((await cli(["ab", "rule", "remove", "Ops team", "--everyone"])).stderr).toBe('error: no rule for everyone on "Ops team"\n');
    expect((await cli(["ab", "rule", "set", "Ops team", "rw", "--user", "alice", "--everyone"])).stderr).toBe("error: name exactly one of --user U, --group G or --everyone\n");
    expect((await cli(["ab", "rule", "set", "Ops team", "admin", "--user", "alice"])).stderr).toBe('error: the permission is read, rw or full, not "admin"\n');
    expect((await cli(["ab", "rule", "set", "@alice", "rw", "--user", "bob"])).stderr).toBe("error: a personal address book cannot be shared; create a shared one\n");
  });

  test("import CSV and JSON (merge), peers, export, rename, delete", async () => {
    const csv = join(dir, "peers.csv");
    writeFileSync(csv, 'id,alias,tags,note\n111111111,Front desk,lobby;printers,"first, floor"\n222222222,,,\n');
    expect((await cli(["ab", "import", "Ops team", csv])).stdout).toBe("imported: 2 added, 0 updated\n");
    writeFileSync(csv, "id,alias,tags,note\n111111111,Reception,lobby,\n");
    expect((await cli(["ab", "import", "Ops team", csv])).stdout).toBe("imported: 0 added, 1 updated\n");
    // Empty cells leave fields alone: the note stays.
    expect((await cli(["ab", "export", "Ops team"])).stdout).toBe('id,alias,tags,note\n111111111,Reception,lobby,"first, floor"\n222222222,,,\n');
    const exported = await json(["ab", "export", "Ops team"]);
    expect(exported.tags.map((t: { name: string }) => t.name)).toEqual(["lobby", "printers"]);

    // A JSON export imports into another book losslessly (tag colours included).
    await cli(["ab", "create", "Copy", "--owner", "bob"]);
    const file = join(dir, "ops.json");
    writeFileSync(file, JSON.stringify(exported));
    expect((await cli(["ab", "import", "Copy", file])).stdout).toBe("imported: 2 added, 0 updated\n");
    expect((await json(["ab", "export", "Copy"])).tags).toEqual(exported.tags);
    expect(await json(["ab", "peers", "Copy"])).toMatchObject([{ id: "111111111", alias: "Reception", tags: ["lobby"] }, { id: "222222222" }]);

    writeFileSync(csv, "name,alias\nx,y\n");
    expect((await cli(["ab", "import", "Copy", csv])).stderr).toBe("error: CSV: the first line must be id,alias,tags,note\n");
    expect((await cli(["ab", "rename", "Copy", "Backup"])).stdout).toBe("renamed to Backup\n");
    expect((await cli(["ab", "delete", "Backup"])).stderr).toBe("error: not confirmed: pass --yes to run this without a terminal\n");
    expect((await cli(["ab", "delete", "Backup", "--yes"])).stdout).toBe("deleted address book Backup\n");
    expect((await json(["ab", "list"])).map((b: { name: string }) => b.name)).toEqual(["Ops team"]);
  });

  test("@user names a personal book", async () => {
    const csv = join(dir, "p.csv");
    writeFileSync(csv, "id,alias,tags,note\n333333333,Home,,\n");
    expect((await cli(["ab", "import", "@alice", csv])).stdout).toBe("imported: 1 added, 0 updated\n");
    expect(await json(["ab", "peers", "@alice"])).toMatchObject([{ id: "333333333", alias: "Home", hash: "" }]);
    expect((await json(["ab", "list"])).map((b: { name: string; personal: boolean }) => `${b.name}:${b.personal}`)).toEqual(["Ops team:false", "@alice:true"]);
    expect((await cli(["ab", "peers", "@nobody"])).stderr).toBe('error: user "nobody" not found\n');
  });
});

test("reading a personal book that was never used does not create it: it reads as empty", async () => {
  const personal = async () => (await json(["ab", "list"])).filter((b: { personal: boolean }) => b.personal);
  expect(await json(["ab", "peers", "@alice"])).toEqual([]);
  expect(await cli(["ab", "peers", "@alice"])).toEqual({ code: 0, stdout: "", stderr: "no entries\n" });
  expect(await json(["ab", "export", "@alice"])).toEqual({ name: "", personal: true, note: "", tags: [], peers: [] });
  expect((await cli(["ab", "export", "@alice"])).stdout).toBe("id,alias,tags,note\n");
  expect(await json(["ab", "rules", "@alice"])).toEqual([]);
  expect((await cli(["ab", "rule", "set", "@alice", "rw", "--user", "bob"])).code).toBe(1);
  expect((await cli(["ab", "delete", "@alice", "--yes"])).stderr).toBe("error: a personal address book is deleted with its user\n");
  expect(await personal()).toEqual([]);
  expect((await cli(["audit", "tail", "--type", "console", "--json"])).stdout).not.toContain('"ab.create"');
  expect((await cli(["ab", "peers", "@ghost"])).stderr).toBe('error: user "ghost" not found\n');
  // A write creates it, as before.
  const csv = join(dir, "p.csv");
  writeFileSync(csv, "id,alias,tags,note\n111222333,Home,,\n");
  expect((await cli(["ab", "import", "@alice", csv])).code).toBe(0);
  expect((await personal()).map((b: { name: string }) => b.name)).toEqual(["@alice"]);
});
