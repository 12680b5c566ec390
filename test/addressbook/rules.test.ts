// Who may do what: the rule matrix, precedence user > group > everyone, owners and admins.
import { afterAll, describe, expect, test } from "bun:test";
import { createSharedBook } from "../../src/addressbook/books.ts";
import { setRule } from "../../src/addressbook/rules.ts";
import { addUserToGroup, createGroup } from "../../src/groups/service.ts";
import { createUser } from "../../src/users/service.ts";
import { abRequest, DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
const names = ["owner", "admin", "reader", "writer", "full", "grouped", "overridden", "anyone"];
for (const n of names) await createUser(env.ctx, { name: n, password: `${n}-password`, isAdmin: n === "admin" });
createGroup(env.ctx, { name: "Helpdesk" });
addUserToGroup(env.ctx, "Helpdesk", "grouped");
addUserToGroup(env.ctx, "Helpdesk", "overridden");
const book = createSharedBook(env.ctx, { name: "Fleet", owner: "owner" });
setRule(env.ctx, book, { user: "reader" }, 1);
setRule(env.ctx, book, { user: "writer" }, 2);
setRule(env.ctx, book, { user: "full" }, 3);
setRule(env.ctx, book, { group: "Helpdesk" }, 2);
setRule(env.ctx, book, { user: "overridden" }, 1); // the user's own rule wins over the group's
const other = createSharedBook(env.ctx, { name: "Other", owner: "owner" });
setRule(env.ctx, other, { everyone: true }, 1);

const tokens: Record<string, string> = {};
for (const n of names) tokens[n] = ((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody(n, `${n}-password`), headers: DART_JSON })).json() as { access_token: string }).access_token;

const ab = (who: string, method: string, path: string, body?: unknown) => call(env.app, method, path, abRequest(tokens[who]!, body));
const profiles = async (who: string) => ((await ab(who, "POST", "/api/ab/shared/profiles?current=1&pageSize=100")).json() as { data: { name: string; rule: number }[] }).data.map((p) => `${p.name}:${p.rule}`);

test("each user sees the shared books they may use, with their effective rule", async () => {
  expect(await profiles("owner")).toEqual(["Fleet:3", "Other:3"]);
  expect(await profiles("admin")).toEqual(["Fleet:3", "Other:3"]);
  expect(await profiles("reader")).toEqual(["Fleet:1", "Other:1"]);
  expect(await profiles("writer")).toEqual(["Fleet:2", "Other:1"]);
  expect(await profiles("grouped")).toEqual(["Fleet:2", "Other:1"]);
  expect(await profiles("overridden")).toEqual(["Fleet:1", "Other:1"]);
  expect(await profiles("anyone")).toEqual(["Other:1"]);
});

describe("actions by rule", () => {
  let n = 0;
  const attempts = (who: string) => {
    const id = `${100000 + ++n}`;
    return [
      ab(who, "POST", `/api/ab/peer/add/${book.guid}`, { id, alias: "", tags: [] }),
      ab(who, "PUT", `/api/ab/peer/update/${book.guid}`, { id: "900000001", alias: `by ${who}` }),
      ab(who, "POST", `/api/ab/tag/add/${book.guid}`, { name: `t-${who}-${n}`, color: 4280391411 }),
      ab(who, "DELETE", `/api/ab/peer/${book.guid}`, [id]),
    ];
  };

  test.each(["reader", "overridden", "anyone"])("%s cannot change anything: 403 No permission", async (who) => {
    await ab("owner", "POST", `/api/ab/peer/add/${book.guid}`, { id: "900000001", alias: "", tags: [] }).catch(() => {});
    for (const r of await Promise.all(attempts(who))) {
      expect(r.status).toBe(403);
      expect(r.text).toBe('{"error":"No permission"}');
    }
  });

  test.each(["writer", "grouped", "full", "owner", "admin"])("%s can add, update, tag and delete", async (who) => {
    for (const r of await Promise.all(attempts(who))) expect({ status: r.status, text: r.text }).toEqual({ status: 200, text: "" });
  });

  test("reading: peers and tags need at least read; a stranger to the book gets 403", async () => {
    expect((await ab("reader", "POST", `/api/ab/peers?current=1&pageSize=100&ab=${book.guid}`)).status).toBe(200);
    expect((await ab("reader", "POST", `/api/ab/tags/${book.guid}`)).status).toBe(200);
    expect((await ab("anyone", "POST", `/api/ab/peers?current=1&pageSize=100&ab=${book.guid}`)).text).toBe('{"error":"No permission"}');
    expect((await ab("anyone", "POST", `/api/ab/tags/${book.guid}`)).status).toBe(403);
  });
});

test("a personal book is its owner's alone, admins included", async () => {
  const guid = ((await ab("writer", "POST", "/api/ab/personal")).json() as { guid: string }).guid;
  for (const who of ["admin", "owner", "reader"]) {
    expect((await ab(who, "POST", `/api/ab/peers?current=1&pageSize=100&ab=${guid}`)).status).toBe(403);
    expect((await ab(who, "POST", `/api/ab/peer/add/${guid}`, { id: "123", alias: "", tags: [] })).status).toBe(403);
  }
  // Never among the shared profiles, not even an admin's.
  expect((await ab("admin", "POST", "/api/ab/shared/profiles?current=1&pageSize=100")).text).not.toContain(guid);
  expect((await ab("writer", "POST", "/api/ab/shared/profiles?current=1&pageSize=100")).text).not.toContain(guid);
});

test("unknown book → 404; bad token → 401 on every address-book endpoint", async () => {
  expect(await ab("owner", "POST", "/api/ab/peers?current=1&pageSize=100&ab=nope").then((r) => [r.status, r.text])).toEqual([404, '{"error":"Address book not found"}']);
  expect((await ab("owner", "POST", "/api/ab/peer/add/nope", { id: "1", tags: [] })).status).toBe(404);
  for (const [method, path, body] of [
    ["POST", "/api/ab/personal"],
    ["POST", "/api/ab/settings"],
    ["POST", "/api/ab/shared/profiles?current=1&pageSize=100"],
    ["POST", `/api/ab/peers?current=1&pageSize=100&ab=${book.guid}`],
    ["POST", `/api/ab/tags/${book.guid}`],
    ["POST", `/api/ab/peer/add/${book.guid}`, { id: "1" }],
    ["PUT", `/api/ab/peer/update/${book.guid}`, { id: "1", alias: "x" }],
    ["DELETE", `/api/ab/peer/${book.guid}`, ["1"]],
    ["POST", `/api/ab/tag/add/${book.guid}`, { name: "x", color: 1 }],
    ["PUT", `/api/ab/tag/rename/${book.guid}`, { old: "x", new: "y" }],
    ["PUT", `/api/ab/tag/update/${book.guid}`, { name: "x", color: 1 }],
    ["DELETE", `/api/ab/tag/${book.guid}`, ["x"]],
    ["POST", "/api/ab", { data: "{}" }],
    ["GET", "/api/ab"],
    ["POST", "/api/ab/get", {}],
  ] as [string, string, unknown?][]) {
    const r = await call(env.app, method, path, abRequest("bogus-token", body));
    expect([method, path, r.status, r.text]).toEqual([method, path, 401, '{"error":"Invalid token"}']);
  }
});
