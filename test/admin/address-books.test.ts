// rdconsole's own address-book routes (/api/admin/ab/…): each route's status and body, the token matrix, the
// console audit as token:<name>, personal books reached as on the CLI ("@user"), export → import round trips.
import { afterAll, describe, expect, test } from "bun:test";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix, type MatrixRoute } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "org", owner: "alice", scopes: { address_books: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { address_books: "r" } }).secret;
const admin = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const other = createToken(env.ctx, { name: "hr", scopes: { users: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { address_books: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const B = "/api/admin/ab/books";
const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await call(env.app, method, path, { headers: bearer(secret), body });
  return [r.status, r.headers.get("content-type")?.startsWith("application/json") ? r.json() : r.text] as const;
};
const ok = async (method: string, path: string, body?: unknown, secret = rw) => {
  const [status, json] = await reply(method, path, body, secret);
  if (status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`);
  return json as any; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const names = async (query = "") => ((await ok("GET", `${B}${query}`, undefined, ro)) as { data: { name: string }[] }).data.map((b) => b.name);

describe("the token matrix", () => {
  const ROUTES: MatrixRoute[] = [
    ["GET", B],
    ["POST", B, { name: "M-new", owner: "alice" }],
    ["GET", `${B}/Ops%20team`],
    ["PATCH", `${B}/Ops%20team`, { note: "n" }],
    ["DELETE", `${B}/M-nothing`],
    ["GET", `${B}/Ops%20team/peers`],
    ["POST", `${B}/Ops%20team/peers`, { id: "m-1" }],
    ["PATCH", `${B}/Ops%20team/peers/m-1`, { alias: "a" }],
    ["DELETE", `${B}/Ops%20team/peers`, { ids: ["m-1"] }],
    ["GET", `${B}/@bob/tags`],
    ["POST", `${B}/Ops%20team/tags`, { name: "m", color: 1 }],
    ["PATCH", `${B}/Ops%20team/tags/m`, { color: 2 }],
    ["DELETE", `${B}/Ops%20team/tags`, { names: ["m"] }],
    ["GET", `${B}/Ops%20team/rules`],
    ["PUT", `${B}/Ops%20team/rules`, { user: "bob", permission: "read" }],
    ["DELETE", `${B}/Ops%20team/rules`, { user: "bob" }],
    ["GET", `${B}/@bob/export`],
    ["POST", `${B}/Ops%20team/import`, { peers: [] }],
  ];
  tokenMatrix(env.app, ROUTES, areaCallers({ other, gone, ro }, "address_books:r"));
  test.each([["address_books:rw", rw], ["admin", admin]])("%s may read and write", async (_, secret) => {
    expect((await reply("GET", B, undefined, secret))[0]).toBe(200);
    expect((await reply("PATCH", `${B}/Ops%20team`, { note: `by ${_}` }, secret))[0]).toBe(200);
  });
  test("reads never create a personal book", async () => {
    expect(await names()).not.toContain("@bob");
  });
});

describe("books", () => {
  test("create: 201 with the book; audited as token:<name>; refusals", async () => {
    expect(await reply("POST", B, { name: "Helpdesk", owner: "bob", note: "tier 1", password: "s3cret" })).toEqual([
      201,
      { guid: expect.any(String), name: "Helpdesk", personal: false, owner: "bob", note: "tier 1", has_password: true, peers: 0, created_at: expect.any(String), updated_at: expect.any(String) },
    ]);
    expect(env.audit("ab.create").at(-1)).toMatchObject({ actorType: "token", actorName: "token:org", targetName: "Helpdesk" });
    expect(await reply("POST", B, { name: "helpdesk", owner: "alice" })).toEqual([409, { error: 'an address book named "Helpdesk" already exists', code: "CONFLICT" }]);
    expect(await reply("POST", B, { name: "Nobody's", owner: "nobody" })).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
    expect(await reply("POST", B, { name: "My address book", owner: "alice" })).toEqual([400, { error: expect.stringContaining("reserved"), code: "INVALID_INPUT" }]);
    expect((await reply("POST", B, { name: "x" }))[0]).toBe(400);
    expect((await reply("POST", B, { name: "x", owner: "alice", peers: [] }))[0]).toBe(400);
    expect(await names()).toEqual(["Ops team", "Helpdesk"]);
  });

  test("list: {total, data}; ?user= the books that user may see", async () => {
    const all = await ok("GET", B, undefined, ro);
    expect(all.total).toBe(all.data.length);
    expect(await names("?user=bob")).toEqual(["Helpdesk"]);
    expect(await names("?user=carol")).toEqual(["Ops team", "Helpdesk"]);
    expect(await reply("GET", `${B}?user=nobody`, undefined, ro)).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
  });

  test("show by name (any case), guid or @user; 404", async () => {
    const book = await ok("GET", `${B}/helpdesk`, undefined, ro);
    expect(await ok("GET", `${B}/${book.guid}`, undefined, ro)).toEqual(book);
    expect(await ok("GET", `${B}/@alice`, undefined, ro)).toMatchObject({ guid: "", name: "@alice", personal: true, owner: "alice", peers: 0 });
    expect(await reply("GET", `${B}/Nope`, undefined, ro)).toEqual([404, { error: 'address book "Nope" not found', code: "NOT_FOUND" }]);
    expect(await reply("GET", `${B}/@nobody`, undefined, ro)).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
  });

  test("patch: rename, owner, note, password (ab rename, ab set); refusals", async () => {
    expect(await ok("PATCH", `${B}/Helpdesk`, { name: "Help desk", owner: "carol", password: "" })).toMatchObject({ name: "Help desk", owner: "carol", has_password: false, note: "tier 1" });
    expect(env.audit("ab.update").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Helpdesk" });
    expect(await reply("PATCH", `${B}/Help%20desk`, { name: "ops TEAM" })).toEqual([409, { error: 'an address book named "ops TEAM" already exists', code: "CONFLICT" }]);
    expect(await reply("PATCH", `${B}/Help%20desk`, {})).toEqual([400, { error: expect.stringContaining("nothing to change"), code: "INVALID_INPUT" }]);
    expect(await reply("PATCH", `${B}/Help%20desk`, { owner: "nobody" })).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
    expect(await reply("PATCH", `${B}/@alice`, { name: "Mine" })).toEqual([400, { error: "a personal address book has no name and keeps its owner", code: "INVALID_INPUT" }]);
    expect(await ok("PATCH", `${B}/@alice`, { note: "alice's" })).toMatchObject({ name: "@alice", personal: true, note: "alice's", guid: expect.stringMatching(/./) });
    expect((await reply("PATCH", `${B}/Gone`, { note: "x" }))[0]).toBe(404);
  });
});

describe("rules", () => {
  test("set creates or changes one subject's rule; list; remove; refusals", async () => {
    const first = await ok("PUT", `${B}/Help%20desk/rules`, { user: "BOB", permission: "read" });
    expect(first).toEqual({ guid: expect.any(String), user: "bob", group: null, rule: 1, permission: "read" });
    expect(await ok("PUT", `${B}/Help%20desk/rules`, { user: "bob", permission: "rw" })).toEqual({ ...first, rule: 2, permission: "rw" });
    expect(await ok("PUT", `${B}/Help%20desk/rules`, { group: "default", permission: "full" })).toMatchObject({ user: null, group: "Default", rule: 3 });
    expect(await ok("PUT", `${B}/Help%20desk/rules`, { everyone: true, permission: "read" })).toMatchObject({ user: null, group: null, permission: "read" });
    expect(env.audit("ab_rule.set").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Help desk" });
    const list = await ok("GET", `${B}/Help%20desk/rules`, undefined, ro);
    expect([list.total, list.data.map((r: { permission: string }) => r.permission)]).toEqual([3, ["rw", "full", "read"]]);
    expect(await names("?user=bob")).toContain("Help desk");

    expect(await ok("DELETE", `${B}/Help%20desk/rules`, { user: "bob" })).toEqual({ removed: { ...first, rule: 2, permission: "rw" } });
    expect(await reply("DELETE", `${B}/Help%20desk/rules`, { user: "bob" })).toEqual([404, { error: 'no rule for user bob on "Help desk"', code: "NOT_FOUND" }]);
    expect(env.audit("ab_rule.remove").at(-1)).toMatchObject({ actorName: "token:org" });

    const refused = (body: unknown) => reply("PUT", `${B}/Help%20desk/rules`, body);
    expect(await refused({ user: "bob", group: "Default", permission: "read" })).toEqual([400, { error: 'name exactly one of user, group or "everyone": true', code: "INVALID_INPUT" }]);
    expect((await refused({ permission: "read" }))[0]).toBe(400);
    expect((await refused({ everyone: false, permission: "read" }))[0]).toBe(400);
    expect((await refused({ user: "bob", permission: "admin" }))[0]).toBe(400);
    expect((await refused({ user: "bob", permission: 2 }))[0]).toBe(400);
    expect(await refused({ user: "nobody", permission: "read" })).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
    expect(await reply("PUT", `${B}/@alice/rules`, { user: "bob", permission: "read" })).toEqual([400, { error: "a personal address book cannot be shared; create a shared one", code: "INVALID_INPUT" }]);
    expect((await ok("GET", `${B}/Help%20desk/rules`)).total).toBe(2);
  });
});

describe("peers and tags", () => {
  const P = `${B}/Help%20desk/peers`;
  test("add (201), change, list, delete an explicit list; 404, 409 and 400", async () => {
    expect(await reply("POST", P, { id: "111222333", alias: "Front desk", password: "pw", tags: ["lobby"] })).toEqual([
      201,
      { id: "111222333", password: "pw", username: "", hostname: "", platform: "", alias: "Front desk", tags: ["lobby"], note: "" },
    ]);
    expect(env.audit("ab_peer.add").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Help desk" });
    await ok("POST", P, { id: "444555666", note: "kiosk", forceAlwaysRelay: "true" });
    expect(await reply("POST", P, { id: "111222333" })).toEqual([409, { error: "111222333 is already in this address book", code: "CONFLICT" }]);
    expect((await reply("POST", P, { id: "has space" }))[0]).toBe(400);
    expect((await reply("POST", P, { alias: "no id" }))[0]).toBe(400);
    expect((await reply("POST", P, { id: "777", tags: "lobby" }))[0]).toBe(400);

    expect(await ok("PATCH", `${P}/111222333`, { alias: "Reception", tags: ["lobby", "floor-1"] })).toMatchObject({ id: "111222333", alias: "Reception", tags: ["lobby", "floor-1"], password: "pw" });
    expect(await reply("PATCH", `${P}/999`, { alias: "x" })).toEqual([404, { error: "999 is not in this address book", code: "NOT_FOUND" }]);
    expect(await reply("PATCH", `${P}/111222333`, {})).toEqual([400, { error: expect.stringContaining("nothing to change"), code: "INVALID_INPUT" }]);
    expect((await reply("PATCH", `${P}/111222333`, { id: "other" }))[0]).toBe(400);

    const list = await ok("GET", P, undefined, ro);
    expect([list.total, list.data.map((p: { id: string }) => p.id)]).toEqual([2, ["111222333", "444555666"]]);
    expect(list.data[1]).toMatchObject({ note: "kiosk", forceAlwaysRelay: "true" });
    expect((await ok("GET", `${B}/Help%20desk`)).peers).toBe(2);

    expect(await ok("DELETE", P, { ids: ["444555666", "nope", "nope"] })).toEqual({ deleted: ["444555666"], missing: ["nope"] });
    expect(env.audit("ab_peer.delete").at(-1)).toMatchObject({ actorName: "token:org" });
    expect(await ok("DELETE", P, { ids: ["nope"] })).toEqual({ deleted: [], missing: ["nope"] });
    // No "empty = all": the list is required and not empty.
    expect((await reply("DELETE", P, { ids: [] }))[0]).toBe(400);
    expect((await reply("DELETE", P, {}))[0]).toBe(400);
    expect((await reply("DELETE", P))[0]).toBe(400);
    expect((await ok("GET", P)).total).toBe(1);
  });

  test("tags: add (201), rename (the peers follow) and recolour in one step, delete (off every peer)", async () => {
    const T = `${B}/Help%20desk/tags`;
    expect(await reply("POST", T, { name: "vip", color: 0xfff44336 })).toEqual([201, { name: "vip", color: 0xfff44336 }]);
    expect(await reply("POST", T, { name: "vip", color: 1 })).toEqual([409, { error: 'the tag "vip" already exists', code: "CONFLICT" }]);
    expect((await reply("POST", T, { name: "x", color: -1 }))[0]).toBe(400);
    expect((await ok("GET", T, undefined, ro)).data.map((t: { name: string }) => t.name)).toEqual(["lobby", "floor-1", "vip"]);

    expect(await ok("PATCH", `${T}/lobby`, { name: "entrance", color: 255 })).toEqual({ name: "entrance", color: 255 });
    expect((await ok("GET", `${B}/Help%20desk/peers`)).data[0].tags).toEqual(["entrance", "floor-1"]);
    expect(await reply("PATCH", `${T}/entrance`, { name: "vip" })).toEqual([409, { error: 'the tag "vip" already exists', code: "CONFLICT" }]);
    expect(await reply("PATCH", `${T}/nope`, { color: 1 })).toEqual([404, { error: 'the tag "nope" does not exist', code: "NOT_FOUND" }]);
    expect((await reply("PATCH", `${T}/entrance`, {}))[0]).toBe(400);
    // All or nothing: a refused rename leaves the colour too.
    expect((await ok("GET", T)).data[0]).toEqual({ name: "entrance", color: 255 });

    expect(await ok("DELETE", T, { names: ["entrance", "ghost"] })).toEqual({ deleted: ["entrance"], missing: ["ghost"] });
    expect((await ok("GET", `${B}/Help%20desk/peers`)).data[0].tags).toEqual(["floor-1"]);
    expect((await reply("DELETE", T, { names: [] }))[0]).toBe(400);
  });

  test("personal books: @user is reached as on the CLI; a write creates it; hash, not password", async () => {
    expect(await ok("POST", `${B}/@bob/peers`, { id: "123", hash: "h", password: "dropped" })).toMatchObject({ id: "123", hash: "h" });
    const bob = await ok("GET", `${B}/@bob`, undefined, ro);
    const guid = bob.guid as string;
    expect(guid).not.toBe("");
    expect(bob).toMatchObject({ name: "@bob", personal: true, owner: "bob", peers: 1 });
    expect((await ok("GET", `${B}/${guid}/peers`)).data[0]).not.toHaveProperty("password");
    // The operator's rights belong to this API only: on Pro's route the same token acts for its owner, and bob's book is bob's.
    const pro = await call(env.app, "GET", `/api/ab/peers?ab=${guid}`, { headers: bearer(rw) });
    expect([pro.status, pro.json()]).toEqual([403, { error: "No permission" }]);
    expect(await reply("DELETE", `${B}/@bob`)).toEqual([400, { error: "a personal address book is deleted with its user", code: "INVALID_INPUT" }]);
  });
});

describe("export and import", () => {
  test("JSON: export → import into another book gives the same tags and peers (the book keeps its name and note); again: nothing added", async () => {
    const doc = await ok("GET", `${B}/Help%20desk/export`, undefined, ro);
    expect(doc).toMatchObject({ name: "Help desk", personal: false, tags: [{ name: "floor-1" }, { name: "vip" }], peers: [{ id: "111222333", alias: "Reception" }] });
    await ok("POST", B, { name: "Copy", owner: "alice" });
    expect(await ok("POST", `${B}/Copy/import`, doc)).toEqual({ added: 1, updated: 0 });
    expect(env.audit("ab.import").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Copy" });
    expect(await ok("GET", `${B}/Copy/export`)).toEqual({ ...doc, name: "Copy", note: "" });
    expect(await ok("POST", `${B}/Copy/import`, { ...doc, peers: [{ id: "111222333", alias: "Renamed" }] })).toEqual({ added: 0, updated: 1 });
    expect(await ok("POST", `${B}/Copy/import`, doc)).toEqual({ added: 0, updated: 1 });
    expect(await ok("GET", `${B}/Copy/export`)).toEqual({ ...doc, name: "Copy", note: "" });
  });

  test("CSV and {text}: ?format=csv, imported as the CLI reads a file; a personal book too", async () => {
    const r = await call(env.app, "GET", `${B}/Help%20desk/export?format=csv`, { headers: bearer(ro) });
    expect([r.status, r.headers.get("content-type"), r.text]).toEqual([200, "text/csv; charset=utf-8", "id,alias,tags,note\n111222333,Reception,floor-1,\n"]);
    expect(await ok("POST", `${B}/@carol/import`, { text: r.text })).toEqual({ added: 1, updated: 0 });
    expect((await ok("GET", `${B}/@carol/peers`)).data[0]).toMatchObject({ id: "111222333", alias: "Reception", tags: ["floor-1"], hash: "" });
    const json = JSON.stringify(await ok("GET", `${B}/Help%20desk/export`));
    expect(await ok("POST", `${B}/@carol/import`, { text: json })).toEqual({ added: 0, updated: 0 });
    expect((await reply("GET", `${B}/Copy/export?format=xml`))[0]).toBe(400);
  });

  test("refusals: both or neither form, a bad peer (nothing written), not JSON, a bad header", async () => {
    const before = await ok("GET", `${B}/Copy/export`);
    expect(await reply("POST", `${B}/Copy/import`, { text: "id,alias,tags,note\n", peers: [] })).toEqual([400, { error: expect.stringContaining("either"), code: "INVALID_INPUT" }]);
    expect((await reply("POST", `${B}/Copy/import`, {}))[0]).toBe(400);
    expect(await reply("POST", `${B}/Copy/import`, { peers: [{ id: "new-1" }, { id: "bad id" }] })).toEqual([400, { error: expect.stringContaining("peer 2 (bad id)"), code: "INVALID_INPUT" }]);
    expect(await reply("POST", `${B}/Copy/import`, { text: "{not json" })).toEqual([400, { error: "not valid JSON", code: "INVALID_INPUT" }]);
    expect(await reply("POST", `${B}/Copy/import`, { text: "name,id\nx,1\n" })).toEqual([400, { error: "CSV: the first line must be id,alias,tags,note", code: "INVALID_INPUT" }]);
    expect((await reply("POST", `${B}/Copy/import`, { peers: [{ alias: "no id" }] }))[0]).toBe(400);
    expect(await ok("GET", `${B}/Copy/export`)).toEqual(before);
  });
});

describe("delete", () => {
  test("{deleted, guid}; then 404; audited", async () => {
    const guid = (await ok("GET", `${B}/Copy`)).guid;
    expect(await reply("DELETE", `${B}/copy`)).toEqual([200, { deleted: "Copy", guid }]);
    expect(env.audit("ab.delete").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Copy" });
    expect((await reply("GET", `${B}/${guid}`))[0]).toBe(404);
    expect((await reply("DELETE", `${B}/Copy`))[0]).toBe(404);
    expect(await names()).toEqual(["Ops team", "Help desk", "@alice", "@bob", "@carol"]);
  });
});

describe("peers one page at a time", () => {
  const P = `${B}/Paged/peers`;
  test("page and page_size page in the order added; search finds ID, alias, note, host name or tag (any case); total counts every match", async () => {
    await ok("POST", B, { name: "Paged", owner: "alice" });
    await ok("POST", P, { id: "100000001", alias: "Front desk" });
    await ok("POST", P, { id: "100000002", note: "back OFFICE", tags: ["floor-2"] });
    await ok("POST", P, { id: "100000003", hostname: "kiosk-50%", tags: ["Lobby"] });
    const ids = (body: { data: { id: string }[] }) => body.data.map((p) => p.id);
    const page = async (q: string) => {
      const body = await ok("GET", `${P}?${q}`, undefined, ro);
      return [body.total, ids(body)];
    };
    expect(await page("page=2&page_size=2")).toEqual([3, ["100000003"]]);
    expect(await page("page_size=2")).toEqual([3, ["100000001", "100000002"]]);
    expect(await page("search=office")).toEqual([1, ["100000002"]]);
    expect(await page("search=LOBBY")).toEqual([1, ["100000003"]]);
    expect(await page("search=front")).toEqual([1, ["100000001"]]);
    expect(await page("search=50%25")).toEqual([1, ["100000003"]]);
    expect(await page("search=1%25")).toEqual([0, []]); // % is a character, not a wildcard
    expect(await page("search=10000000")).toEqual([3, ["100000001", "100000002", "100000003"]]);
    expect((await reply("GET", `${P}?page=0`, undefined, ro))[0]).toBe(400);
    expect((await reply("GET", `${P}?page_size=1001`, undefined, ro))[0]).toBe(400);
  });
});
