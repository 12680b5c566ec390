// rdconsole import lejianwen: a database with lejianwen/rustdesk-api's schema, imported through the CLI,
// checked through rdconsole's own services and the client's login route.
import { afterAll, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { findBook } from "../../src/addressbook/books.ts";
import { peersOf } from "../../src/addressbook/peers.ts";
import { listRules } from "../../src/addressbook/rules.ts";
import { tagsOf } from "../../src/addressbook/tags.ts";
import { consoleAudit, devices, users } from "../../src/db/schema.ts";
import { groupNameOf } from "../../src/groups/service.ts";
import { cliWithApp } from "../helpers/cli-env.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { BOB_PASSWORD, FRANK_PASSWORD, kingmo888Db, lejianwenDb } from "./sources.ts";

const env = await cliWithApp();
afterAll(() => env.close());
// Another administrator: the last active one could not be disabled (the import's disabled admin carol stays enabled then).
await env.cli(["user", "create", "root", "--admin", "--password-stdin"], { stdin: "root-password" });
const source = await lejianwenDb();
const ctx = { db: env.db, config: env.config(), log: console as never, actor: { type: "cli" as const, name: "cli:test" }, now: Date.now };
const user = (name: string) => env.db.select().from(users).where(eq(users.name, name)).get();
const imports = () => env.db.select().from(consoleAudit).where(eq(consoleAudit.action, "import.run")).all();
const run = async (...extra: string[]) => {
  const r = await env.cli(["import", "lejianwen", source, "--json", ...extra]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

test("--dry-run reports what would be created and skipped, and writes nothing", async () => {
  const report = await run("--dry-run");
  expect(report.dryRun).toBe(true);
  expect(report.created).toMatchObject({ user: ["bob", "carol", "frank"], group: ["默认组", "Sales"], device_group: ["Lab"], device: ["111222333", "555666777"] });
  expect(report.counts.user).toEqual({ created: 3, existing: 1, skipped: 1 });
  expect(report.skipped).toContainEqual({ kind: "user", name: "bad name!", reason: expect.stringContaining("invalid user name") });
  expect(report.skipped).toContainEqual({ kind: "peer", name: "999000111", reason: expect.stringContaining("not in the source") });
  expect(user("bob")).toBeUndefined();
  expect(env.db.select().from(devices).all()).toEqual([]);
  expect(imports()).toEqual([]);
  const text = await env.cli(["import", "lejianwen", source, "--dry-run"]);
  expect(text.stdout).toMatch(/KIND\s+WOULD CREATE\s+ALREADY HERE\s+SKIPPED\n/);
  expect(text.stdout).toContain("would create users: bob, carol, frank\n");
  expect(text.stdout).toContain("would create books: @bob, @alice, Servers\n");
  expect(text.stdout).toContain("skipped rule Servers: user 99: unknown user id (not in the source or not imported)\n");
  expect(text.stdout).toContain("dry run: nothing was written\n");
});

test("users, groups, books with peers, tags and rules, devices and device groups arrive", async () => {
  const report = await run();
  expect(report.counts).toMatchObject({
    user: { created: 3, existing: 1, skipped: 1 },
    group: { created: 2, existing: 0 },
    device_group: { created: 1 },
    device: { created: 2 },
    book: { created: 3 }, // bob's, alice's (she existed, her book did not) and Servers
    peer: { created: 4, skipped: 1 },
    rule: { created: 2, skipped: 1 },
  });
  const bob = user("bob")!;
  expect(bob).toMatchObject({ email: "bob@example.com", displayName: "Bob B.", isAdmin: false, status: 1 });
  expect(bob.passwordHash).toStartWith("$2a$");
  expect(user("carol")).toMatchObject({ isAdmin: true, status: 0 });
  expect(report.notes).toEqual([]);
  expect(user("alice")!.email).toBe(""); // rdconsole's alice is kept as she was
  expect(groupNameOf(ctx, bob.id)).toBe("Sales");
  expect(groupNameOf(ctx, user("carol")!.id)).toBe("默认组");

  const personal = peersOf(ctx, findBook(ctx, "@bob"));
  expect(personal.map((p) => p.peerId)).toEqual(["111222333", "444555666"]);
  expect(personal[0]).toMatchObject({ alias: "Home", hostname: "BOB-PC", platform: "Windows", hash: "aGFzaA==", tags: ["home", "vip"], extra: { forceAlwaysRelay: "true", rdpPort: "3389" } });
  expect(tagsOf(ctx, findBook(ctx, "@bob"))).toEqual([{ name: "home", color: 4280391411 }, { name: "vip", color: 4294198070 }]);
  expect(peersOf(ctx, findBook(ctx, "@alice")).map((p) => p.peerId)).toEqual(["123123123"]);

  const servers = findBook(ctx, "Servers");
  expect(servers.ownerId).toBe(bob.id);
  expect(peersOf(ctx, servers)[0]).toMatchObject({ peerId: "777888999", password: "shared-pw", alias: "Database", tags: ["prod"] });
  expect(tagsOf(ctx, servers)).toEqual([{ name: "prod", color: 4294924066 }]);
  expect(listRules(ctx, servers).map((r) => [r.user, r.group, r.rule])).toEqual([["carol", null, 2], [null, "Sales", 1]]);

  const pc = env.db.select().from(devices).where(eq(devices.rdId, "111222333")).get()!;
  expect(pc).toMatchObject({ uuid: "Ym9iLXBjLXV1aWQ=", ownerId: bob.id, alias: "Bob desktop", enabled: true, pending: false });
  expect(pc.sysinfo).toMatchObject({ hostname: "BOB-PC", os: "windows / Windows 11", version: "1.3.7" });
  expect((await env.json(["device", "show", "111222333"])).device_group_name).toBe("Lab");

  const rows = imports();
  expect(rows).toHaveLength(1);
  expect(rows[0]!.details).toMatchObject({ file: source, counts: { user: { created: 3 } } });
});

test("an imported user logs in with the old password through the client's route; the hash is redone as argon2id", async () => {
  const wrong = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("bob", "not-it"), headers: DART_JSON });
  expect(wrong.status).toBe(401);
  expect(user("bob")!.passwordHash).toStartWith("$2a$");
  const r = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("bob", BOB_PASSWORD), headers: DART_JSON });
  expect(r.status).toBe(200);
  expect((r.json() as { user: { name: string } }).user.name).toBe("bob");
  expect(user("bob")!.passwordHash).toStartWith("$argon2id$");
  const again = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("bob", BOB_PASSWORD), headers: DART_JSON });
  expect(again.status).toBe(200);
});

test("an account still on lejianwen's old MD5 logs in too, and is rehashed", async () => {
  expect(user("frank")!.passwordHash).toMatch(/^lejianwen-md5\$[0-9a-f]{32}$/);
  expect((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("frank", "frank-from-2025"), headers: DART_JSON })).status).toBe(401);
  expect((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("frank", FRANK_PASSWORD), headers: DART_JSON })).status).toBe(200);
  expect(user("frank")!.passwordHash).toStartWith("$argon2id$");
});

test("a re-run duplicates nothing", async () => {
  const before = { users: env.db.select().from(users).all().length, peers: peersOf(ctx, findBook(ctx, "@bob")).length };
  const report = await run();
  for (const kind of ["user", "group", "device_group", "device", "book", "peer", "tag", "rule"]) expect(report.counts[kind].created).toBe(0);
  expect(report.counts.peer.existing).toBe(4);
  expect(report.counts.rule.existing).toBe(2);
  expect(env.db.select().from(users).all().length).toBe(before.users);
  expect(peersOf(ctx, findBook(ctx, "@bob")).length).toBe(before.peers);
  expect(imports()).toHaveLength(2);
});

test("a missing file, a file that is not SQLite, another server's database → exit 1 with one clear line", async () => {
  const junk = join(env.dir, "junk.db");
  writeFileSync(junk, "this is not a database, just text that is long enough to fill a header page".repeat(20));
  const cases: [string, RegExp][] = [
    [join(env.dir, "missing.db"), /^error: .*missing\.db: no such file\n$/],
    [junk, /^error: .*junk\.db: not a readable SQLite database/],
    [kingmo888Db(), /^error: .*db\.sqlite3 is not a lejianwen database: table "users" is missing\n$/],
  ];
  for (const [file, message] of cases) {
    const r = await env.cli(["import", "lejianwen", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain("    at ");
  }
  expect((await env.cli(["import", "lejianwen"])).code).toBe(2);
});
