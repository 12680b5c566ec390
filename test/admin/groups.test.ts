// rdconsole's own user-group routes (/api/admin/groups…): each route's status and body, the token matrix, the
// console audit as token:<name>, access lists replaced (and cleared) and membership moves.
import { afterAll, describe, expect, test } from "bun:test";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "org", scopes: { groups: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { groups: "r" } }).secret;
const admin = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const other = createToken(env.ctx, { name: "hr", scopes: { users: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { groups: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const replies: string[] = [];
const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await call(env.app, method, path, { headers: bearer(secret), body });
  replies.push(r.text);
  return [r.status, r.json()] as const;
};

describe("the token matrix", () => {
  const ROUTES: [string, string, unknown?][] = [
    ["GET", "/api/admin/groups"],
    ["GET", "/api/admin/groups/Default"],
    ["POST", "/api/admin/groups", { name: "M-new" }],
    ["PATCH", "/api/admin/groups/Default", { note: "n" }],
    ["DELETE", "/api/admin/groups/M-nothing"],
    ["POST", "/api/admin/groups/Default/users/bob"],
    ["DELETE", "/api/admin/groups/M-nothing/users/bob"],
  ];
  tokenMatrix(env.app, ROUTES, areaCallers({ other, gone, ro }, "groups:r"));
  test.each([["groups:rw", rw], ["admin", admin]])("%s may read and write", async (_, secret) => {
    expect((await reply("GET", "/api/admin/groups", undefined, secret))[0]).toBe(200);
    expect((await reply("PATCH", "/api/admin/groups/Default", { note: `by ${_}` }, secret))[0]).toBe(200);
  });
});

describe("routes", () => {
  test("create: 201 with the group; audited as token:<name>; refusals", async () => {
    expect(await reply("POST", "/api/admin/groups", { name: "Sales", note: "floor 2" })).toEqual([
      201,
      { guid: expect.any(String), name: "Sales", note: "floor 2", members: [], can_access_groups: [], can_access_device_groups: [], accessible_by_groups: [], accessible_by_users: [], created_at: expect.any(String) },
    ]);
    expect(env.audit("group.create").find((a) => a.targetName === "Sales")).toMatchObject({ actorType: "token", actorName: "token:org" });
    expect(await reply("POST", "/api/admin/groups", { name: "sales" })).toEqual([409, { error: 'a group named "Sales" already exists', code: "CONFLICT" }]);
    expect((await reply("POST", "/api/admin/groups", { note: "x" }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/groups", { name: "x", members: [] }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/groups", { name: "Support" }))[0]).toBe(201);
  });

  test("list: {total, data} with user counts", async () => {
    const [status, body] = await reply("GET", "/api/admin/groups", undefined, ro);
    expect(status).toBe(200);
    const b = body as { total: number; data: { name: string; user_count: number }[] };
    expect(b.total).toBe(b.data.length);
    expect(b.data.map((g) => g.name)).toEqual(["Default", "Sales", "Support"]);
    expect(b.data[0]).toMatchObject({ name: "Default", user_count: 3 });
  });

  test("members: add moves the user, remove, 404s", async () => {
    expect((await reply("POST", "/api/admin/groups/sales/users/BOB"))[1]).toMatchObject({ name: "Sales", members: [{ name: "bob", is_admin: false, status: 1 }] });
    expect(env.audit("group.add_user").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Sales" });
    expect(((await reply("GET", "/api/admin/groups/Default", undefined, ro))[1] as { members: { name: string }[] }).members.map((m) => m.name)).toEqual(["alice", "carol"]);
    expect((await reply("POST", "/api/admin/groups/Support/users/bob"))[1]).toMatchObject({ members: [{ name: "bob" }] });
    expect((await reply("DELETE", "/api/admin/groups/Sales/users/bob"))).toEqual([404, { error: 'user "bob" is not in group "Sales"', code: "NOT_FOUND" }]);
    expect((await reply("DELETE", "/api/admin/groups/Support/users/bob"))[1]).toMatchObject({ name: "Support", members: [] });
    expect(env.audit("group.remove_user").at(-1)?.actorName).toBe("token:org");
    expect(await reply("POST", "/api/admin/groups/Sales/users/nobody")).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
    expect(await reply("POST", "/api/admin/groups/Nope/users/bob")).toEqual([404, { error: 'group "Nope" not found', code: "NOT_FOUND" }]);
  });

  test("patch: access lists replace, [] clears, only what is given changes; 404 for an unknown name", async () => {
    const [status, body] = await reply("PATCH", "/api/admin/groups/Sales", { can_access_groups: ["support"], can_access_device_groups: ["kiosks"], note: "floor 3" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: "Sales", note: "floor 3", can_access_groups: ["Support"], can_access_device_groups: ["Kiosks"] });
    expect((await reply("GET", "/api/admin/groups/Support", undefined, ro))[1]).toMatchObject({ accessible_by_groups: ["Sales"] });
    expect(env.audit("group.access").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Sales" });
    expect((await reply("PATCH", "/api/admin/groups/Sales", { can_access_groups: [] }))[1]).toMatchObject({ can_access_groups: [], can_access_device_groups: ["Kiosks"], note: "floor 3" });
    expect(await reply("PATCH", "/api/admin/groups/Sales", { can_access_device_groups: ["Nope"] })).toEqual([404, { error: 'device group "Nope" not found', code: "NOT_FOUND" }]);
    expect((await reply("GET", "/api/admin/groups/Sales"))[1]).toMatchObject({ can_access_device_groups: ["Kiosks"] });
    expect(await reply("PATCH", "/api/admin/groups/Sales", {})).toEqual([400, { error: expect.stringContaining("nothing to change"), code: "INVALID_INPUT" }]);
    expect((await reply("PATCH", "/api/admin/groups/Sales", { can_access_groups: "Support" }))[0]).toBe(400);
    expect((await reply("PATCH", "/api/admin/groups/Nope", { note: "x" }))[0]).toBe(404);
  });

  test("patch accessible_by_users: single users who may see the group (Pro's type 2); an unknown name changes nothing", async () => {
    const [status, body] = await reply("PATCH", "/api/admin/groups/Sales", { accessible_by_users: ["BOB", "alice", "bob"] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: "Sales", accessible_by_users: ["bob", "alice"], can_access_device_groups: ["Kiosks"] });
    expect(env.audit("group.access").at(-1)!.details).toMatchObject({ accessible_by_users: ["bob", "alice"] });
    expect(await reply("PATCH", "/api/admin/groups/Sales", { accessible_by_users: ["carol"], can_access_device_groups: [], note: "n" }).then((r) => r[0])).toBe(200);
    expect(await reply("PATCH", "/api/admin/groups/Sales", { accessible_by_users: ["carol", "nobody"], can_access_device_groups: ["Kiosks"], note: "changed" })).toEqual([
      404,
      { error: 'user "nobody" not found', code: "NOT_FOUND" },
    ]);
    // Nothing of the refused PATCH was written.
    expect((await reply("GET", "/api/admin/groups/Sales", undefined, ro))[1]).toMatchObject({ accessible_by_users: ["carol"], can_access_device_groups: [], note: "n" });
    expect((await reply("PATCH", "/api/admin/groups/Sales", { accessible_by_users: [] }))[1]).toMatchObject({ accessible_by_users: [] });
    expect((await reply("PATCH", "/api/admin/groups/Sales", { accessible_by_users: "bob" }))[0]).toBe(400);
  });

  test("delete: {deleted}, then 404; Default stays", async () => {
    expect(await reply("DELETE", "/api/admin/groups/support")).toEqual([200, { deleted: "Support" }]);
    expect((await reply("GET", "/api/admin/groups/Support"))[0]).toBe(404);
    expect(env.audit("group.delete").at(-1)).toMatchObject({ actorName: "token:org", targetName: "Support" });
    expect(await reply("DELETE", "/api/admin/groups/Default")).toEqual([400, { error: 'the "Default" group cannot be deleted', code: "INVALID_INPUT" }]);
  });

  test("no password hash in any reply", () => {
    expect(replies.join("\n")).not.toMatch(/\$argon2|password_?hash/i);
  });
});
