// Paging as the client loops, limits, bad input, and concurrent editing.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { createSharedBook } from "../../src/addressbook/books.ts";
import { setRule } from "../../src/addressbook/rules.ts";
import { abPeers } from "../../src/db/schema.ts";
import { createUser } from "../../src/users/service.ts";
import { abRequest, DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv({ "address_book.max_peers": "300", "address_book.max_tags": "20", "address_book.max_shared_per_user": "2" });
afterAll(() => env.close());
await createUser(env.ctx, { name: "alice", password: "alice-password" });
const token = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password"), headers: DART_JSON })).json() as { access_token: string }).access_token;
const ab = (method: string, path: string, body?: unknown) => call(env.app, method, path, abRequest(token, body));
const personal = ((await ab("POST", "/api/ab/personal")).json() as { guid: string }).guid;

test("pulling 250 peers the way the client does: 100 a page while current*100 < total", async () => {
  for (let i = 0; i < 250; i++) expect((await ab("POST", `/api/ab/peer/add/${personal}`, { id: String(500000000 + i), alias: `p${i}`, tags: [] })).status).toBe(200);
  const seen: string[] = [];
  let total = 0;
  let current = 1;
  do {
    const page = (await ab("POST", `/api/ab/peers?current=${current}&pageSize=100&ab=${personal}`)).json() as { total: number; data: { id: string }[] };
    if (current === 1) total = page.total;
    seen.push(...page.data.map((p) => p.id));
  } while (current++ * 100 < total);
  expect(total).toBe(250);
  expect(seen).toHaveLength(250);
  expect(new Set(seen).size).toBe(250);
  expect(seen[0]).toBe("500000000");
  expect((await ab("POST", `/api/ab/peers?current=9&pageSize=100&ab=${personal}`)).text).toBe('{"total":250,"data":[]}');
});

describe("limits", () => {
  test("max_peers is told to the client and enforced", async () => {
    expect((await ab("POST", "/api/ab/settings")).text).toBe('{"max_peer_one_ab":300}');
    for (let i = 250; i < 300; i++) await ab("POST", `/api/ab/peer/add/${personal}`, { id: String(500000000 + i), tags: [] });
    const r = await ab("POST", `/api/ab/peer/add/${personal}`, { id: "999999999", tags: [] });
    expect([r.status, r.text]).toEqual([400, '{"error":"this address book is full (at most 300 peers)"}']);
  });

  test("max_tags, reserved and duplicate book names, books per owner", async () => {
    for (let i = 0; i < 20; i++) await ab("POST", `/api/ab/tag/add/${personal}`, { name: `tag${i}`, color: i });
    expect((await ab("POST", `/api/ab/tag/add/${personal}`, { name: "one-too-many", color: 1 })).json()).toEqual({ error: "an address book holds at most 20 tags" });
    expect(() => createSharedBook(env.ctx, { name: "My address book", owner: "alice" })).toThrow('"My address book" is reserved by the RustDesk client');
    expect(() => createSharedBook(env.ctx, { name: "legacy ADDRESS book", owner: "alice" })).toThrow("reserved");
    createSharedBook(env.ctx, { name: "One", owner: "alice" });
    expect(() => createSharedBook(env.ctx, { name: "ONE", owner: "alice" })).toThrow('an address book named "One" already exists');
    createSharedBook(env.ctx, { name: "Two", owner: "alice" });
    expect(() => createSharedBook(env.ctx, { name: "Three", owner: "alice" })).toThrow("already owns 2 shared address books");
  });
});

test("tag colours: the full unsigned 32-bit range round-trips, beyond it is refused", async () => {
  await createUser(env.ctx, { name: "painter", password: "painter-password" });
  const shared = createSharedBook(env.ctx, { name: "Colours", owner: "painter" });
  setRule(env.ctx, shared, { user: "alice" }, 2);
  const book = shared.guid;
  for (const color of [0, 2147483647, 2147483648, 4294967295]) expect((await ab("POST", `/api/ab/tag/add/${book}`, { name: `c${color}`, color })).status).toBe(200);
  expect((await ab("POST", `/api/ab/tags/${book}`)).text).toBe('[{"name":"c0","color":0},{"name":"c2147483647","color":2147483647},{"name":"c2147483648","color":2147483648},{"name":"c4294967295","color":4294967295}]');
  for (const color of [4294967296, -1, 1.5, "red"]) expect((await ab("PUT", `/api/ab/tag/update/${book}`, { name: "c0", color })).status).toBe(400);
});

describe("bad input → 4xx {error}, nothing written", () => {
  const cases: [string, string, string, unknown, number][] = [
    ["delete body not an array", "DELETE", "/api/ab/peer/P", { id: "1" }, 400],
    ["delete body of numbers", "DELETE", "/api/ab/peer/P", [1, 2], 400],
    ["tag delete body a string", "DELETE", "/api/ab/tag/P", "work", 400],
    ["peer without id", "POST", "/api/ab/peer/add/P", { alias: "x" }, 400],
    ["peer id with spaces", "POST", "/api/ab/peer/add/P", { id: "12 34", tags: [] }, 400],
    ["tags not an array", "POST", "/api/ab/peer/add/P", { id: "1", tags: "work" }, 400],
    ["alias a number", "POST", "/api/ab/peer/add/P", { id: "1", alias: 5 }, 400],
    ["huge note", "POST", "/api/ab/peer/add/P", { id: "1", note: "x".repeat(3000) }, 400],
    ["tag without colour", "POST", "/api/ab/tag/add/P", { name: "x" }, 400],
    ["rename without new", "PUT", "/api/ab/tag/rename/P", { old: "x" }, 400],
    ["update of a peer not in the book", "PUT", "/api/ab/peer/update/P", { id: "424242", alias: "x" }, 404],
    ["rename of an unknown tag", "PUT", "/api/ab/tag/rename/P", { old: "nope", new: "x" }, 404],
    ["legacy data not a string", "POST", "/api/ab", { data: { tags: [] } }, 400],
    ["legacy data not JSON", "POST", "/api/ab", { data: "{oops" }, 400],
    ["legacy tags not strings", "POST", "/api/ab", { data: '{"tags":[1],"peers":[]}' }, 400],
    ["legacy peer without id", "POST", "/api/ab", { data: '{"tags":[],"peers":[{"alias":"x"}]}' }, 400],
    ["peers without ab", "POST", "/api/ab/peers?current=1&pageSize=100", undefined, 400],
  ];
  test.each(cases)("%s → %i", async (_name, method, path, body, status) => {
    const before = env.db.select().from(abPeers).all().length;
    const r = await ab(method, path.replace("/P", `/${personal}`), body);
    expect(r.status).toBe(status);
    expect(Object.keys(r.json() as object)).toEqual(["error"]);
    expect(env.db.select().from(abPeers).all().length).toBe(before);
  });

  test("an oversize body → 413 JSON", async () => {
    const r = await ab("POST", "/api/ab", { data: "x".repeat(2 * 1024 * 1024) });
    expect(r.status).toBe(413);
  });
});

test("interleaved edits from two users over a real socket keep every write", async () => {
  await createUser(env.ctx, { name: "bob", password: "bob-password" });
  const book = createSharedBook(env.ctx, { name: "Busy", owner: "bob" });
  setRule(env.ctx, book, { user: "alice" }, 2);
  const bobToken = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("bob", "bob-password"), headers: DART_JSON })).json() as { access_token: string }).access_token;
  const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
  const url = `http://127.0.0.1:${server.server!.port}`;
  const send = (tok: string, method: string, path: string, body: unknown) => fetch(`${url}${path}`, { method, body: JSON.stringify(body), headers: { authorization: `Bearer ${tok}`, "content-type": "application/json" } });
  await send(bobToken, "POST", `/api/ab/tag/add/${book.guid}`, { name: "a", color: 1 });
  const work = [];
  for (let i = 0; i < 40; i++) {
    work.push(send(i % 2 ? token : bobToken, "POST", `/api/ab/peer/add/${book.guid}`, { id: String(700000000 + i), tags: ["a"] }));
    if (i === 20) work.push(send(token, "PUT", `/api/ab/tag/rename/${book.guid}`, { old: "a", new: "b" }));
  }
  const statuses = (await Promise.all(work)).map((r) => r.status);
  server.stop(true);
  expect(statuses.every((s) => s === 200)).toBe(true);
  const peers = (await ab("POST", `/api/ab/peers?current=1&pageSize=100&ab=${book.guid}`)).json() as { total: number; data: { tags: string[] }[] };
  expect(peers.total).toBe(40);
  // Every peer's tag list names a tag that exists: added before the rename → renamed, after → auto-created "a".
  const tags = ((await ab("POST", `/api/ab/tags/${book.guid}`)).json() as { name: string }[]).map((t) => t.name);
  for (const p of peers.data) for (const t of p.tags) expect(tags).toContain(t);
});

test("the CLI importing into a book while the server takes edits to it: nothing lost (two processes, one database)", async () => {
  const env = testEnv(); // default limits
  await createUser(env.ctx, { name: "alice", password: "alice-password" });
  await createUser(env.ctx, { name: "dora", password: "dora-password" });
  const book = createSharedBook(env.ctx, { name: "Shared", owner: "dora" });
  setRule(env.ctx, book, { user: "alice" }, 2);
  const token = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password"), headers: DART_JSON })).json() as { access_token: string }).access_token;
  const csv = join(env.config.data.dir, "..", "import.csv");
  await Bun.write(csv, ["id,alias,tags,note", ...Array.from({ length: 2000 }, (_, i) => `${800000000 + i},cli ${i},,`)].join("\n"));
  const conf = join(env.config.data.dir, "..", "cli.toml");
  const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
  const url = `http://127.0.0.1:${server.server!.port}`;
  await Bun.write(conf, `[log]\nlevel = "silent"\n`);
  const cli = Bun.spawn(["bun", join(import.meta.dir, "..", "..", "cli", "main.ts"), "ab", "import", "Shared", csv, "--config", conf, "--data-dir", env.config.data.dir], { stdout: "pipe", stderr: "pipe", env: { ...process.env, NO_COLOR: "1" } });
  const adds = [];
  for (let i = 0; i < 100; i++) adds.push(fetch(`${url}/api/ab/peer/add/${book.guid}`, { method: "POST", body: JSON.stringify({ id: String(900000000 + i), tags: [] }), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }).then((r) => r.status));
  const [code, statuses] = await Promise.all([cli.exited, Promise.all(adds)]);
  server.stop(true);
  expect(await new Response(cli.stderr).text()).toBe("");
  expect(code).toBe(0);
  expect(statuses.every((s) => s === 200)).toBe(true);
  expect((await call(env.app, "POST", `/api/ab/peers?current=1&pageSize=1&ab=${book.guid}`, abRequest(token))).json()).toMatchObject({ total: 2100 });
  env.close();
});
