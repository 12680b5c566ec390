// The admin API's IP bans (/api/admin/bans…): the admin scope only (list admin:r, add and remove admin:rw),
// added by token:<name>, removed by id or guid (a CIDR's "/" never goes in the path), audited.
import { afterAll, describe, expect, test } from "bun:test";
import { addBan } from "../../src/bans/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const ADMIN = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const READER = createToken(env.ctx, { name: "auditor", scopes: { admin: "r" } }).secret;
const OTHERS = createToken(env.ctx, { name: "others", scopes: { devices: "rw", users: "rw", audit: "rw", enrol: "rw" } }).secret;
const GONE = createToken(env.ctx, { name: "gone", scopes: { admin: "rw" } }).secret;
revokeToken(env.ctx, "gone");
const as = (secret: string | null, method: string, path: string, body?: unknown) => call(env.app, method, path, { headers: secret ? { authorization: `Bearer ${secret}` } : {}, body });

describe("the token matrix", () => {
  const ROUTES: [method: string, path: string, write: boolean, body?: unknown][] = [
    ["GET", "/api/admin/bans", false],
    ["POST", "/api/admin/bans", true, { cidr: "198.51.100.0/24" }],
    ["DELETE", "/api/admin/bans/999", true],
  ];
  const CALLERS: [who: string, secret: string | null, read: number, write: number][] = [
    ["no token", null, 401, 401],
    ["a bad token", "rdc_" + "y".repeat(43), 401, 401],
    ["a revoked admin token", GONE, 401, 401],
    ["area scopes without admin", OTHERS, 403, 403],
    ["admin:r", READER, 200, 403],
  ];
  for (const [method, path, write, body] of ROUTES)
    test.each(CALLERS)(`${method} ${path}: %s → %d/%d`, async (_who, secret, read, wrote) => {
      const r = await as(secret, method, path, body);
      expect(r.status).toBe(write ? wrote : read);
      if (r.status >= 400) expect((r.json() as { code: string }).code).toBe(r.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    });

  test("admin:rw passes on every route (then 200, 201 or the service's 404)", async () => {
    const got = [];
    for (const [method, path, , body] of ROUTES) got.push((await as(ADMIN, method, path, body)).status);
    expect(got).toEqual([200, 201, 404]);
  });
});

test("add, list, remove by id and by guid; audited as token:<name>", async () => {
  const r = await as(ADMIN, "POST", "/api/admin/bans", { cidr: "2001:db8::/32", expires: "12h", comment: "scanner" });
  expect(r.status).toBe(201);
  const ban = r.json() as { id: number; guid: string; expires_at: string };
  expect(ban).toMatchObject({ cidr: "2001:db8::/32", comment: "scanner", created_by: "token:root" });
  expect(Date.parse(ban.expires_at) - env.ctx.now()).toBe(12 * 3_600_000);
  const permanent = (await as(ADMIN, "POST", "/api/admin/bans", { cidr: "203.0.113.7" })).json() as { id: number; guid: string; expires_at: null };
  expect(permanent.expires_at).toBeNull();

  const list = (await as(READER, "GET", "/api/admin/bans")).json() as { total: number; data: { id: number; cidr: string }[] };
  expect(list.total).toBe(list.data.length);
  expect(list.data.map((b) => b.cidr)).toEqual(expect.arrayContaining(["2001:db8::/32", "203.0.113.7"]));

  expect((await as(ADMIN, "DELETE", `/api/admin/bans/${ban.id}`)).json()).toMatchObject({ id: ban.id, cidr: "2001:db8::/32" });
  expect((await as(ADMIN, "DELETE", `/api/admin/bans/${permanent.guid}`)).json()).toMatchObject({ cidr: "203.0.113.7" });
  expect((await as(ADMIN, "DELETE", `/api/admin/bans/${ban.id}`)).json()).toEqual({ error: `ban ${ban.id} not found`, code: "NOT_FOUND" });
  for (const action of ["ban.add", "ban.remove"])
    expect(env.audit(action).filter((a) => a.targetName === "2001:db8::/32").map((a) => [a.actorType, a.actorName])).toEqual([["token", "token:root"]]);
});

test("the CLI's words: address (an address or a range, normalised as ban add stores it), expires 12h, comment; listed as created", async () => {
  const r = await as(ADMIN, "POST", "/api/admin/bans", { address: "198.51.100.0/24", expires: "12h", comment: "scanners" });
  expect(r.status).toBe(201);
  const ban = r.json() as { id: number; cidr: string; expires_at: string; comment: string };
  expect(ban).toMatchObject({ cidr: "198.51.100.0/24", comment: "scanners", expires_at: new Date(env.ctx.now() + 12 * 3_600_000).toISOString() });
  const one = (await as(ADMIN, "POST", "/api/admin/bans", { address: "2001:DB8::1" })).json() as { id: number; cidr: string };
  expect(one.cidr).toBe(addBan(env.ctx, { cidr: "2001:DB8::1", expiresAt: null }).cidr);
  const listed = (await as(READER, "GET", "/api/admin/bans")).json() as { data: { id: number }[] };
  expect(listed.data.find((b) => b.id === ban.id)).toEqual(ban as never);
});

test("expired bans only with all=true", async () => {
  const ctx = { ...env.ctx, now: () => env.ctx.now() - 2 * 3_600_000 };
  addBan(ctx, { cidr: "192.0.2.99", expiresAt: env.ctx.now() - 3_600_000 });
  const cidrs = async (q: string) => ((await as(READER, "GET", `/api/admin/bans${q}`)).json() as { data: { cidr: string }[] }).data.map((b) => b.cidr);
  expect(await cidrs("")).not.toContain("192.0.2.99");
  expect(await cidrs("?all=true")).toContain("192.0.2.99");
  expect((await as(READER, "GET", "/api/admin/bans?all=yes")).json()).toEqual({ error: "all: true or false", code: "INVALID_INPUT" });
});

test.each([
  ["not an address", { cidr: "banana" }, 'not an IP address or CIDR range: "banana"'],
  ["a bad duration", { cidr: "192.0.2.1", expires: "soon" }, 'expires takes a duration such as 30m, 12h, 90d, 2w, or never, not "soon"'],
  ["no address", { comment: "x" }, "give the IP address or CIDR range as address (or cidr), once"],
  ["both address and cidr", { cidr: "192.0.2.1", address: "192.0.2.2" }, "give the IP address or CIDR range as address (or cidr), once"],
  ["an unknown field", { cidr: "192.0.2.1", ip: "x" }, ""],
  ["a comment over 500 characters", { address: "192.0.2.1", comment: "x".repeat(501) }, ""],
  ["a lifetime of 0", { address: "192.0.2.1", expires: "0h" }, "expires takes a duration"],
])("refused: %s → 400 INVALID_INPUT", async (_name, body, message) => {
  const r = await as(ADMIN, "POST", "/api/admin/bans", body);
  expect(r.status).toBe(400);
  const got = r.json() as { error: string; code: string };
  expect(got.code).toBe("INVALID_INPUT");
  expect(got.error).toContain(message);
});
