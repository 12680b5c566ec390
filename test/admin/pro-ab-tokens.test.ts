// The token matrix of Pro's address-book routes (#30-#46): no token, a bad one, a token without the area, a
// read-only one on a write, a revoked and an expired one, an admin token (200). The paths the client shares
// (#30, #31, #35, #39 by GET; the mutations #36-#38, #40-#42) also take a user login token with the client's
// behaviour; #32-#34 and #43-#46 take API tokens only (a user login → 401).
import { afterAll, describe, expect, test } from "bun:test";
import { createSharedBook, personalBook } from "../../src/addressbook/books.ts";
import { listRules, setRule } from "../../src/addressbook/rules.ts";
import { findBook } from "../../src/addressbook/books.ts";
import { addPeer } from "../../src/addressbook/peers.ts";
import { addTag } from "../../src/addressbook/tags.ts";
import { users } from "../../src/db/schema.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const secret = (name: string, scopes: Record<string, "r" | "rw">) => createToken(env.ctx, { name, scopes }).secret;
const admin = secret("admin", { admin: "rw" });
const abRead = secret("ab-r", { address_books: "r" });
const devicesOnly = secret("devices", { devices: "rw", users: "rw" });
const revoked = secret("revoked", { admin: "rw" });
revokeToken(env.ctx, "revoked");
const expired = createToken(env.ctx, { name: "expired", scopes: { admin: "rw" }, expiresIn: 60_000 }).secret;
await createUser(env.ctx, { name: "dora", password: "dora-password-1" });
const login = (await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dora", "dora-password-1"), headers: DART_JSON })).json() as { access_token: string };
env.advance(120_000);

let n = 0;
/** A fresh shared book per request, with a peer, a tag and a rule, so each admin call can succeed. */
function fresh() {
  const name = `book${++n}`;
  const book = createSharedBook(env.ctx, { name, owner: "carol" });
  addPeer(env.ctx, book.guid, { id: `${100000000 + n}` });
  addTag(env.ctx, book.guid, { name: "t", color: 0xff000000 });
  setRule(env.ctx, findBook(env.ctx, name), { user: "bob" }, 1);
  return { guid: book.guid, rule: listRules(env.ctx, findBook(env.ctx, name))[0]!.guid, peer: `${100000000 + n}` };
}
const shared = fresh();

type Req = { method: string; path: string; body?: unknown };
// [name, write, client path (a user login token gets the client's behaviour), request]
const ROUTES: [string, boolean, boolean, () => Req][] = [
  ["GET /api/ab/personal", false, true, () => ({ method: "GET", path: "/api/ab/personal" })],
  ["GET /api/ab/shared/profiles", false, true, () => ({ method: "GET", path: "/api/ab/shared/profiles?pageSize=30&current=1" })],
  ["POST /api/ab/shared/add", true, false, () => ({ method: "POST", path: "/api/ab/shared/add", body: { name: `new${++n}`, note: null } })],
  ["PUT /api/ab/shared/update/profile", true, false, () => ({ method: "PUT", path: "/api/ab/shared/update/profile", body: { guid: fresh().guid, note: "x" } })],
  ["DELETE /api/ab/shared", true, false, () => ({ method: "DELETE", path: "/api/ab/shared", body: [fresh().guid] })],
  ["GET /api/ab/peers", false, true, () => ({ method: "GET", path: `/api/ab/peers?ab=${shared.guid}&pageSize=30&current=1` })],
  ["POST /api/ab/peer/add/{g}", true, true, () => ({ method: "POST", path: `/api/ab/peer/add/${fresh().guid}`, body: { id: "555555555", note: null } })],
  ["PUT /api/ab/peer/update/{g}", true, true, () => {
    const b = fresh();
    return { method: "PUT", path: `/api/ab/peer/update/${b.guid}`, body: { id: b.peer, note: "n" } };
  }],
  ["DELETE /api/ab/peer/{g}", true, true, () => {
    const b = fresh();
    return { method: "DELETE", path: `/api/ab/peer/${b.guid}`, body: [b.peer] };
  }],
  ["GET /api/ab/tags/{g}", false, true, () => ({ method: "GET", path: `/api/ab/tags/${shared.guid}` })],
  ["POST /api/ab/tag/add/{g}", true, true, () => ({ method: "POST", path: `/api/ab/tag/add/${fresh().guid}`, body: { name: "u", color: 4278190080 } })],
  ["PUT /api/ab/tag/update/{g}", true, true, () => ({ method: "PUT", path: `/api/ab/tag/update/${fresh().guid}`, body: { name: "t", color: 4278190081 } })],
  ["DELETE /api/ab/tag/{g}", true, true, () => ({ method: "DELETE", path: `/api/ab/tag/${fresh().guid}`, body: ["t"] })],
  ["GET /api/ab/rules", false, false, () => ({ method: "GET", path: `/api/ab/rules?ab=${shared.guid}&pageSize=30&current=1` })],
  ["POST /api/ab/rule", true, false, () => ({ method: "POST", path: "/api/ab/rule", body: { guid: fresh().guid, rule: 2, group: "Default" } })],
  ["PATCH /api/ab/rule", true, false, () => ({ method: "PATCH", path: "/api/ab/rule", body: { guid: fresh().rule, rule: 3 } })],
  ["DELETE /api/ab/rules", true, false, () => ({ method: "DELETE", path: "/api/ab/rules", body: [fresh().rule] })],
];

const send = (r: Req, token?: string) =>
  call(env.app, r.method, r.path, { ...(r.body === undefined ? {} : { body: r.body }), headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

describe.each(ROUTES)("%s", (_name, write, clientPath, build) => {
  const CASES: [string, string | undefined, number][] = [
    ["no token", undefined, 401],
    ["an unknown API token", "rdc_" + "A".repeat(43), 401],
    ["a malformed token", "not-a-token", 401],
    ["a token without the area", devicesOnly, 403],
    [write ? "a read-only token" : "a read-only token (enough to read)", abRead, write ? 403 : 200],
    ["a revoked token", revoked, 401],
    ["an expired token", expired, 401],
    ["an admin token", admin, 200],
  ];
  test.each(CASES)("%s → %d", async (_case, token, status) => {
    const r = await send(build(), token);
    expect(r.status).toBe(status);
    if (status !== 200) expect(Object.keys(r.json() as object)).toEqual(["error"]);
    else if (r.text) expect(r.json()).not.toHaveProperty("error");
  });
  if (!clientPath)
    test("a user login token → 401 (this route takes API tokens)", async () => {
      const r = await send(build(), login.access_token);
      expect([r.status, Object.keys(r.json() as object)]).toEqual([401, ["error"]]);
    });
  else
    test("a user login token → the client's behaviour (dora has no rule on carol's books: 403 No permission, or her own data)", async () => {
      const r = await send(build(), login.access_token);
      if (_name === "GET /api/ab/personal") expect(r.json()).toEqual({ guid: personalBook(env.ctx, env.db.select().from(users).all().find((u) => u.name === "dora")!.id).guid });
      else if (_name === "GET /api/ab/shared/profiles") expect(r.json()).toEqual({ total: 0, data: [] });
      else expect([r.status, r.json()]).toEqual([403, { error: "No permission" }]);
    });
});

test("an API token acts for its owner: the personal book is the owner's; shared books it creates are the owner's; audit actor token:<name>", async () => {
  const personal = (await send({ method: "GET", path: "/api/ab/personal" }, admin)).json() as { guid: string };
  // The token's owner: the first enabled administrator (alice), as `token create` without --owner picks.
  const alice = env.db.select().from(users).all().find((u) => u.name === "alice")!.id;
  expect(findBook(env.ctx, personal.guid)).toMatchObject({ ownerId: alice, personal: true });
  await send({ method: "POST", path: "/api/ab/shared/add", body: { name: "Mine", note: null } }, admin);
  expect(findBook(env.ctx, "Mine").ownerId).toBe(alice);
  expect(env.audit("ab.create").at(-1)!.actorName).toBe("token:admin");
});
