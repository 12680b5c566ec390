// The token matrix of Pro's user and user-group routes (#1-#14): no token, a bad one, a user login, a token
// without the area, a read-only one on a write, a revoked and an expired one, and an admin token (200).
// GET /api/users with a user login token keeps the client's group view.
import { afterAll, describe, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { users } from "../../src/db/schema.ts";
import { createGroup } from "../../src/groups/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { createUser, disableUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { startSmtp } from "../helpers/smtp.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const smtp = await startSmtp();
const env = tokenEnv(smtp.config);
afterAll(async () => {
  env.close();
  await smtp.close();
});
const secret = (name: string, scopes: Record<string, "r" | "rw">) => createToken(env.ctx, { name, scopes }).secret;
const admin = secret("admin", { admin: "rw" });
const usersRead = secret("users-r", { users: "r", groups: "r" });
const devicesOnly = secret("devices", { devices: "rw", strategies: "rw", audit: "r" });
const revoked = secret("revoked", { admin: "rw" });
revokeToken(env.ctx, "revoked");
const expired = createToken(env.ctx, { name: "expired", scopes: { admin: "rw" }, expiresIn: 60_000 }).secret;
await createUser(env.ctx, { name: "dora", password: "dora-password-1" });
const login = (await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dora", "dora-password-1"), headers: DART_JSON })).json() as { access_token: string };
env.advance(120_000); // the expired token's minute is over; the login stays
const guidOf = (name: string) => env.db.select().from(users).where(sql`${users.name} = ${name}`).get()!.guid;

let n = 0;
/** A fresh target per request, so each admin call can succeed. */
async function freshUser(disabled = false) {
  const name = `u${++n}`;
  await createUser(env.ctx, { name, password: "some-password-1", email: `${name}@example.com` });
  if (disabled) disableUser(env.ctx, name);
  return guidOf(name);
}
const freshGroup = () => createGroup(env.ctx, { name: `g${++n}` }).guid;

type Req = { method: string; path: string; body?: unknown };
const ROUTES: [string, "users" | "groups", boolean, () => Promise<Req> | Req][] = [
  ["GET /api/users", "users", false, () => ({ method: "GET", path: "/api/users?name=%25d%25&pageSize=30&current=1" })],
  ["POST /api/users", "users", true, () => ({ method: "POST", path: "/api/users", body: { name: `new${++n}`, password: "new-password-1", group_name: "Default" } })],
  ["POST /api/users/invite", "users", true, () => ({ method: "POST", path: "/api/users/invite", body: { name: `inv${++n}`, email: `inv${n}@example.com`, group_name: "Default" } })],
  ["POST /api/users/{guid}/disable", "users", true, async () => ({ method: "POST", path: `/api/users/${await freshUser()}/disable` })],
  ["POST /api/users/{guid}/enable", "users", true, async () => ({ method: "POST", path: `/api/users/${await freshUser(true)}/enable` })],
  ["DELETE /api/users/{guid}", "users", true, async () => ({ method: "DELETE", path: `/api/users/${await freshUser(true)}` })],
  ["PUT /api/users/tfa/totp/enforce", "users", true, async () => ({ method: "PUT", path: "/api/users/tfa/totp/enforce", body: { user_guids: [await freshUser()], enforce: true, url: "https://c" } })],
  ["PUT /api/users/disable_login_verification", "users", true, async () => ({ method: "PUT", path: "/api/users/disable_login_verification", body: { user_guids: [await freshUser()], type: "2fa" } })],
  ["POST /api/users/force-logout", "users", true, async () => ({ method: "POST", path: "/api/users/force-logout", body: { user_guids: [await freshUser()] } })],
  ["GET /api/user-groups", "groups", false, () => ({ method: "GET", path: "/api/user-groups?pageSize=50&current=1" })],
  ["POST /api/user-groups", "groups", true, () => ({ method: "POST", path: "/api/user-groups", body: { name: `grp${++n}` } })],
  ["PATCH /api/user-groups/{guid}", "groups", true, () => ({ method: "PATCH", path: `/api/user-groups/${freshGroup()}`, body: { note: "x" } })],
  ["DELETE /api/user-groups/{guid}", "groups", true, () => ({ method: "DELETE", path: `/api/user-groups/${freshGroup()}` })],
  ["POST /api/user-groups/{guid}", "groups", true, async () => ({ method: "POST", path: `/api/user-groups/${freshGroup()}`, body: [await freshUser()] })],
];

const send = (r: Req, token?: string) =>
  call(env.app, r.method, r.path, { ...(r.body === undefined ? {} : { body: r.body }), headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

describe.each(ROUTES)("%s", (_name, area, write, build) => {
  const CASES: [string, string | undefined, number][] = [
    ["no token", undefined, 401],
    ["an unknown API token", "rdc_" + "A".repeat(43), 401],
    ["a malformed token", "not-a-token", 401],
    ["a token without the area", devicesOnly, 403],
    [write ? "a read-only token" : "a read-only token (enough to read)", usersRead, write ? 403 : 200],
    ["a revoked token", revoked, 401],
    ["an expired token", expired, 401],
    ["an admin token", admin, 200],
  ];
  test.each(CASES)("%s → %d", async (_case, token, status) => {
    const r = await send(await build(), token);
    expect(r.status).toBe(status);
    if (status !== 200) expect(Object.keys(r.json() as object)).toEqual(["error"]);
    else if (r.text) expect(r.json()).not.toHaveProperty("error");
  });
  if (!(area === "users" && !write && _name === "GET /api/users"))
    test("a user login token → 401 (these routes take API tokens)", async () => {
      const r = await send(await build(), login.access_token);
      expect([r.status, Object.keys(r.json() as object)]).toEqual([401, ["error"]]);
    });
});

test("GET /api/users: a user login token keeps the client's group view ({total, data} of what the user may see); an API token gets Pro's rows", async () => {
  const client = await call(env.app, "GET", "/api/users?current=1&pageSize=100&accessible=&status=1", { headers: { ...DART_JSON, authorization: `Bearer ${login.access_token}` } });
  expect(client.status).toBe(200);
  const seen = client.json() as { total: number; data: Record<string, unknown>[] };
  // dora, a plain user in Default, sees the users of Default: the client's shape, no guid.
  expect(Object.keys(seen.data[0]!)).toEqual(["name", "display_name", "email", "note", "status", "is_admin"]);
  expect(seen.data.every((u) => u.status === 1)).toBe(true);
  const pro = (await call(env.app, "GET", "/api/users?name=dora", { headers: { authorization: `Bearer ${admin}` } })).json() as { total: number; data: Record<string, unknown>[] };
  expect(pro.total).toBe(1);
  expect(pro.data[0]).toMatchObject({ guid: guidOf("dora"), name: "dora", group_name: "Default", status: 1 });
  // The admin list sees everyone, whatever the token owner's group.
  const all = (await call(env.app, "GET", "/api/users?pageSize=1000", { headers: { authorization: `Bearer ${admin}` } })).json() as { total: number };
  expect(all.total).toBe(env.db.select({ n: sql<number>`count(*)` }).from(users).get()!.n);
});

test("API tokens act as token:<name> in the console audit", async () => {
  await send(await ROUTES[3]![3](), admin);
  const row = env.audit("user.disable").at(-1)!;
  expect(row.actorName).toBe("token:admin");
});
