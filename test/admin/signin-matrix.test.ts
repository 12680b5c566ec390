// The cookie side of the admin API's auth matrix on a sample of existing routes (every area): an
// administrator's console sign-in reaches them read-write and is audited as the user; a non-administrator's
// gets 403; a write without X-Rdconsole-Csrf gets 403. Pro's routes take the same sign-in.
import { afterAll, describe, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { consoleDevice } from "../../src/auth/console.ts";
import { createSession } from "../../src/auth/sessions.ts";
import { withTransaction } from "../../src/core/context.ts";
import { users } from "../../src/db/schema.ts";
import { asConsole } from "../helpers/console.ts";
import { cookieCallers } from "../helpers/cookie-matrix.ts";
import { call } from "../helpers/http.ts";
import { tokenMatrix, type MatrixRoute } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const idOf = (name: string) => env.db.select({ id: users.id }).from(users).where(sql`${users.name} = ${name}`).get()!.id;
const session = (name: string) => withTransaction(env.ctx, (tx) => createSession(tx, idOf(name), consoleDevice("test")));
const admin = session("alice");
const user = session("bob");

describe("the cookie matrix", () => {
  const READS: MatrixRoute[] = [
    ["GET", "/api/admin/users"],
    ["GET", "/api/admin/users/bob/sessions"],
    ["GET", "/api/admin/groups/Default"],
    ["GET", "/api/admin/devices"],
    ["GET", "/api/admin/device-groups"],
    ["GET", "/api/admin/strategies"],
    ["GET", "/api/admin/tokens"],
    ["GET", "/api/admin/bans"],
    ["GET", "/api/admin/audit/console"],
  ];
  tokenMatrix(env.app, READS, cookieCallers({ admin, user }));
  const WRITES: MatrixRoute[] = [
    ["PATCH", "/api/admin/groups/Default", { note: "by the console" }],
    ["PATCH", "/api/admin/users/bob", { note: "seen" }],
    ["POST", "/api/admin/users/carol/logout-all"],
  ];
  tokenMatrix(env.app, WRITES, cookieCallers({ admin, user }), () => true);
});

test("writes by a console sign-in are audited as the user; a token created from the console acts for them", async () => {
  const r = await call(env.app, "POST", "/api/admin/tokens", { headers: asConsole(admin), body: { name: "from-console", scopes: { groups: "r" } } });
  expect(r.status).toBe(201);
  expect(r.json()).toMatchObject({ name: "from-console", owner: "alice" });
  expect(env.audit("token.create").at(-1)).toMatchObject({ actorType: "user", actorName: "alice" });
  expect(env.audit("group.access").concat(env.audit("user.update")).every((a) => a.actorType === "user" && a.actorName === "alice")).toBe(true);
});

test("Pro's admin routes take an administrator's sign-in too", async () => {
  expect((await call(env.app, "GET", "/api/devices", { headers: asConsole(admin) })).status).toBe(200);
  expect((await call(env.app, "GET", "/api/devices", { headers: asConsole(user) })).status).toBe(403);
});

test("a demoted or disabled administrator's cookie stops working at once", async () => {
  const carol = session("carol");
  expect((await call(env.app, "GET", "/api/admin/users", { headers: asConsole(carol) })).status).toBe(200);
  env.db.update(users).set({ isAdmin: false }).where(sql`${users.name} = 'carol'`).run();
  expect((await call(env.app, "GET", "/api/admin/users", { headers: asConsole(carol) })).status).toBe(403);
  env.db.update(users).set({ status: 0 }).where(sql`${users.name} = 'carol'`).run();
  expect((await call(env.app, "GET", "/api/admin/users", { headers: asConsole(carol) })).status).toBe(401);
});
