// Edge cases: odd tag names, legacy blobs with bad tags, typed imports, owners of shared books.
import { afterAll, expect, test } from "bun:test";
import { createSharedBook, findBook } from "../../src/addressbook/books.ts";
import { peersOf } from "../../src/addressbook/peers.ts";
import { importBook } from "../../src/addressbook/transfer.ts";
import { ServiceError } from "../../src/core/errors.ts";
import { createUser, deleteUser } from "../../src/users/service.ts";
import { abRequest, DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
await createUser(env.ctx, { name: "alice", password: "alice-password" });
const token = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password"), headers: DART_JSON })).json() as { access_token: string }).access_token;
const ab = (method: string, path: string, body?: unknown) => call(env.app, method, path, abRequest(token, body));
const legacy = (blob: object) => ab("POST", "/api/ab", { data: JSON.stringify(blob) });

test("tag names that are Object.prototype members round-trip through legacy mode", async () => {
  const r = await legacy({ tags: ["constructor", "__proto__", "toString"], peers: [{ id: "1", tags: ["constructor"] }], tag_colors: JSON.stringify({ toString: 5 }) });
  expect([r.status, r.text]).toEqual([200, ""]);
  const data = JSON.parse(((await call(env.app, "GET", "/api/ab", { headers: { authorization: `Bearer ${token}` } })).json() as { data: string }).data);
  expect(data.tags).toEqual(["constructor", "__proto__", "toString"]);
  expect(JSON.parse(data.tag_colors).toString).toBe(5);
  expect((await legacy(data)).status).toBe(200); // and back again
});

test("legacy replace checks the tags of every peer, existing ones included", async () => {
  await legacy({ tags: [], peers: [{ id: "111" }] });
  for (const tags of [[""], ["bad\u0001"], Array.from({ length: 101 }, (_, i) => `t${i}`), [5]]) {
    const r = await legacy({ tags: [], peers: [{ id: "111", tags }] });
    expect(r.status).toBe(400);
    expect((r.json() as { error: string }).error).toStartWith("address book data: peer 0:");
  }
});

test("a JSON import is type-checked, naming the bad row", () => {
  const book = findBook(env.ctx, "@alice");
  for (const [peer, message] of [
    [{ id: "9", alias: 5 }, "peer 1 (9): alias must be a string"],
    [{ id: "9", tags: [7, "x"] }, "peer 1 (9): tags must be a list of strings"],
    [{ id: "9", tags: "abc" }, "peer 1 (9): tags must be a list of strings"],
    [{ id: "9", forceAlwaysRelay: { a: 1 } }, "peer 1 (9): forceAlwaysRelay must be a string"],
    [{ id: "9", hash: {} }, "peer 1 (9): hash must be a string"],
  ] as const)
    expect(() => importBook(env.ctx, book, JSON.stringify({ peers: [peer] }))).toThrow(message);
});

test("a CSV import merges: empty cells leave fields alone", () => {
  const book = findBook(env.ctx, "@alice");
  importBook(env.ctx, book, 'id,alias,tags,note\n555,Kiosk,lobby,"desk note"\n');
  importBook(env.ctx, book, "id,alias,tags,note\n555,New alias\n");
  expect(peersOf(env.ctx, book).find((p) => p.peerId === "555")).toMatchObject({ alias: "New alias", tags: ["lobby"], note: "desk note" });
});

test("shared book names cannot start with @ (they would shadow personal books on the command line)", () => {
  expect(() => createSharedBook(env.ctx, { name: "@alice", owner: "alice" })).toThrow('cannot start with "@"');
});

test("a user who owns shared books cannot be deleted until they have another owner", async () => {
  await createUser(env.ctx, { name: "carol", password: "carol-password" });
  createSharedBook(env.ctx, { name: "Team", owner: "carol" });
  expect(() => deleteUser(env.ctx, "carol")).toThrow(ServiceError);
  expect(() => deleteUser(env.ctx, "carol")).toThrow("carol owns shared address books (Team); give them another owner first");
  const { updateBook } = await import("../../src/addressbook/books.ts");
  updateBook(env.ctx, findBook(env.ctx, "Team"), { owner: "alice" });
  deleteUser(env.ctx, "carol");
  expect(findBook(env.ctx, "Team").name).toBe("Team");
});
