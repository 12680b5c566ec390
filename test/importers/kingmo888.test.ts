// rdconsole import kingmo888: a database with kingmo888/rustdesk-api-server's Django schema, imported through the CLI.
import { afterAll, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { findBook } from "../../src/addressbook/books.ts";
import { peersOf } from "../../src/addressbook/peers.ts";
import { tagsOf } from "../../src/addressbook/tags.ts";
import { consoleAudit, devices, users } from "../../src/db/schema.ts";
import { cliWithApp } from "../helpers/cli-env.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { DAVE_PASSWORD, kingmo888Db, lejianwenDb } from "./sources.ts";

const env = await cliWithApp();
afterAll(() => env.close());
const source = kingmo888Db();
const ctx = { db: env.db, config: env.config(), log: console as never, actor: { type: "cli" as const, name: "cli:test" }, now: Date.now };
const user = (name: string) => env.db.select().from(users).where(eq(users.name, name)).get();
const run = async (...extra: string[]) => {
  const r = await env.cli(["import", "kingmo888", source, "--json", ...extra]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

test("dry run writes nothing; the import brings users, the legacy book and devices", async () => {
  const dry = await run("--dry-run");
  expect(dry.counts.user.created).toBe(2);
  expect(user("dave")).toBeUndefined();
  expect(env.db.select().from(consoleAudit).where(eq(consoleAudit.action, "import.run")).all()).toEqual([]);

  const report = await run();
  expect(report.counts).toMatchObject({ user: { created: 2 }, book: { created: 1 }, peer: { created: 2, skipped: 1 }, tag: { created: 2 }, device: { created: 1 } });
  expect(report.notes).toEqual([{ kind: "user", name: "erin", reason: "password not imported (no usable password in the source): set one with rdconsole user passwd" }]);
  expect(user("dave")).toMatchObject({ isAdmin: true, status: 1 });
  expect(user("dave")!.passwordHash).toStartWith("pbkdf2_sha256$20000$");
  expect(user("erin")).toMatchObject({ isAdmin: false, status: 0, passwordHash: null });

  const book = findBook(ctx, "@dave");
  expect(peersOf(ctx, book).map((p) => [p.peerId, p.alias, p.hash, p.tags])).toEqual([["222333444", "Office", "ZGF2ZQ==", ["work", "pc"]], ["333444555", "", "", []]]);
  const tags = tagsOf(ctx, book);
  expect(tags[0]).toEqual({ name: "work", color: 4280391411 });
  expect(tags[1]!.name).toBe("pc"); // no colour in the source: one of the client's palette
  const pc = env.db.select().from(devices).where(eq(devices.rdId, "222333444")).get()!;
  expect(pc).toMatchObject({ uuid: "ZGF2ZS11dWlk", ownerId: user("dave")!.id });
  expect(pc.sysinfo).toMatchObject({ hostname: "DAVE-PC", cpu: "AMD Ryzen", os: "windows / Windows 10" });
});

test("the Django password works at the client's login and is then redone as argon2id", async () => {
  expect((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dave", "wrong-password"), headers: DART_JSON })).status).toBe(401);
  const r = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dave", DAVE_PASSWORD), headers: DART_JSON });
  expect(r.status).toBe(200);
  expect(user("dave")!.passwordHash).toStartWith("$argon2id$");
  expect((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dave", DAVE_PASSWORD), headers: DART_JSON })).status).toBe(200);
});

test("a re-run creates nothing; a lejianwen file is refused", async () => {
  const report = await run();
  expect(Object.values(report.counts as Record<string, { created: number }>).map((c) => c.created)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  expect(report.counts.peer.existing).toBe(2);
  expect(peersOf(ctx, findBook(ctx, "@dave"))).toHaveLength(2);
  const wrong = await env.cli(["import", "kingmo888", await lejianwenDb()]);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/^error: .*rustdeskapi\.db is not a kingmo888 database: table "api_userprofile" is missing\n$/);
});

test("what a limit refuses is skipped with the reason; the rest is imported, nothing half-written", async () => {
  const small = await cliWithApp("[address_book]\nmax_peers = 1\n");
  try {
    const r = await small.cli(["import", "kingmo888", kingmo888Db(), "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.counts.peer).toEqual({ created: 0, existing: 0, skipped: 3 });
    expect(report.skipped).toContainEqual({ kind: "peer", name: "@dave", reason: "2 peer(s): an address book holds at most 1 peers" });
    expect(report.counts.user.created).toBe(2);
    const c = { ...ctx, db: small.db, config: small.config() };
    expect(peersOf(c, findBook(c, "@dave"))).toEqual([]);
    expect(tagsOf(c, findBook(c, "@dave"))).toEqual([]);
  } finally {
    small.close();
  }
});
