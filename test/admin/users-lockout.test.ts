// The user list's `locked` flag and POST /api/admin/users/{name}/unlock: a lockout the login made is shown on
// the list and the user, lifted by the unlock (audited as lockout.clear by token:<name>), after which the
// next login with the right password goes through.
import { afterAll, expect, test } from "bun:test";
import { createToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv({ "lockout.account_failures": "2", "lockout.minutes": "15" });
afterAll(() => env.close());
const rw = createToken(env.ctx, { name: "hr", scopes: { users: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { users: "r" } }).secret;
await createUser(env.ctx, { name: "Dave", password: "dave-password" });

const as = async (secret: string, method: string, path: string) => {
  const r = await call(env.app, method, path, { headers: { authorization: `Bearer ${secret}` } });
  return [r.status, r.json()] as const;
};
const login = async (password: string) => (await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dave", password), headers: DART_JSON })).status;
type U = { name: string; locked: boolean; locked_until: string | null };

test("not locked: locked false, locked_until null; unlock → 409", async () => {
  expect((await as(ro, "GET", "/api/admin/users/dave"))[1]).toMatchObject({ locked: false, locked_until: null });
  expect(await as(rw, "POST", "/api/admin/users/dave/unlock")).toEqual([409, { error: "user Dave is not locked out", code: "CONFLICT" }]);
  expect((await as(rw, "POST", "/api/admin/users/nobody/unlock"))[0]).toBe(404);
  expect((await as(ro, "POST", "/api/admin/users/dave/unlock"))[0]).toBe(403);
});

test("locked after failed logins: flagged in the list and on the user; unlock lets the next login in", async () => {
  expect([await login("guess"), await login("guess")]).toEqual([401, 401]);
  expect(await login("dave-password")).toBe(429);
  const list = (await as(ro, "GET", "/api/admin/users"))[1] as { data: U[] };
  expect(list.data.map((u) => [u.name, u.locked])).toEqual([["alice", false], ["bob", false], ["carol", false], ["Dave", true]]);
  expect((await as(ro, "GET", "/api/admin/users/DAVE"))[1]).toMatchObject({ locked: true, locked_until: new Date(env.ctx.now() + 15 * 60_000).toISOString() });

  expect(await as(rw, "POST", "/api/admin/users/dave/unlock")).toEqual([200, expect.objectContaining({ name: "Dave", locked: false, locked_until: null })]);
  expect(env.audit("lockout.clear").map((a) => [a.actorName, a.targetName])).toEqual([["token:hr", "dave"]]);
  expect(await login("dave-password")).toBe(200);
});
