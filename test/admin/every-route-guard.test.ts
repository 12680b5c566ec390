// The one guard, over every /api/admin route the app registers (not a sample): no credentials → 401, a bad token →
// 401, a non-administrator's console sign-in → 403, an administrator's sign-in writing without the CSRF header
// → 403. A route added later is covered without touching this file; the sign-in family is the only exception.
import { afterAll, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { consoleDevice } from "../../src/auth/console.ts";
import { createSession } from "../../src/auth/sessions.ts";
import { withTransaction } from "../../src/core/context.ts";
import { users } from "../../src/db/schema.ts";
import { asConsole } from "../helpers/console.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const idOf = (name: string) => env.db.select({ id: users.id }).from(users).where(sql`${users.name} = ${name}`).get()!.id;
const session = (name: string) => withTransaction(env.ctx, (tx) => createSession(tx, idOf(name), consoleDevice("test")));
const admin = session("alice");
const user = session("bob");

/** Open to anyone (they are how one signs in), or the signed-in user's own (profile, /me): not the admin guard. */
const OWN_RULES = /^\/api\/admin\/(setup|login|logout|profile|password|me)(\/|$)/;
const routes = env.app.routes
  .filter((r) => r.path.startsWith("/api/admin/") && !OWN_RULES.test(r.path) && ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(r.method))
  .map((r) => [r.method, r.path.replace(/:(\w+)/g, "x").replace(/\*$/, "x")] as const);

test("the app registers the admin routes this test walks", () => {
  expect(routes.length).toBeGreaterThan(100);
});

test.each(routes)("%s %s: no credentials 401, bad token 401, non-admin sign-in 403, admin sign-in without CSRF on a write 403", async (method, path) => {
  const body = method === "GET" ? undefined : {};
  const status = async (headers: Record<string, string>) => (await call(env.app, method, path, { headers, body })).status;
  expect(await status({})).toBe(401);
  expect(await status({ authorization: "Bearer rdc_not-a-real-token-at-all" })).toBe(401);
  expect(await status(asConsole(user))).toBe(403);
  if (method !== "GET") expect(await status(asConsole(admin, false))).toBe(403);
});
