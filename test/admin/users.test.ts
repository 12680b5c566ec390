// rdconsole's own user routes (/api/admin/users…, /api/admin/sessions/…): each route's status and body, the token
// matrix, the console audit as token:<name>, the services' rules (last admin, e-mail verification), and no password
// hash, TOTP secret or session token in any reply.
import { afterAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { beginTotp, confirmTotp } from "../../src/auth/totp.ts";
import { createSession } from "../../src/auth/sessions.ts";
import { withTransaction } from "../../src/core/context.ts";
import { users } from "../../src/db/schema.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { setTotpEnforced } from "../../src/users/pro.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "hr", scopes: { users: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { users: "r" } }).secret;
const admin = createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret;
const other = createToken(env.ctx, { name: "devs", scopes: { groups: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { users: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const replies: string[] = [];
const req = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await call(env.app, method, path, { headers: bearer(secret), body });
  replies.push(r.text);
  return r;
};
const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await req(method, path, body, secret);
  return [r.status, r.json()] as const;
};
const idOf = (name: string) => env.db.select({ id: users.id }).from(users).where(eq(users.name, name)).get()!.id;
const login = (name: string) => withTransaction(env.ctx, (tx) => createSession(tx, idOf(name), { id: "123456789", uuid: "dXVpZA==", info: { os: "linux", type: "client", name: "PC" } }));

describe("the token matrix", () => {
  const ROUTES: [string, string, unknown?][] = [
    ["GET", "/api/admin/users"],
    ["GET", "/api/admin/users/bob"],
    ["GET", "/api/admin/users/bob/sessions"],
    ["GET", "/api/admin/users/bob/sso-links"],
    ["POST", "/api/admin/users", { name: "m-new" }],
    ["PATCH", "/api/admin/users/bob", { note: "n" }],
    ["DELETE", "/api/admin/users/m-nobody"],
    ["POST", "/api/admin/users/bob/password", { password: "a long enough password" }],
    ["POST", "/api/admin/users/bob/disable"],
    ["POST", "/api/admin/users/bob/enable"],
    ["POST", "/api/admin/users/bob/unlock"],
    ["POST", "/api/admin/users/bob/logout-all"],
    ["POST", "/api/admin/users/bob/2fa/disable"],
    ["POST", "/api/admin/users/bob/2fa/reset"],
    ["DELETE", "/api/admin/sessions/no-such-session"],
    ["DELETE", "/api/admin/users/bob/sso-links/none"],
  ];
  const CASES: [string, Record<string, string>, (write: boolean) => number[]][] = [
    ["no token", {}, () => [401]],
    ["a bad token", bearer("rdc_not-a-real-token-at-all"), () => [401]],
    ["a token of another area", bearer(other), () => [403]],
    ["a revoked token", bearer(gone), () => [401]],
    // A read-only token reaches the route on a read: 200 (or the route's own 404/409 on a write-only fixture).
    ["users:r", bearer(ro), (w) => (w ? [403] : [200])],
  ];
  for (const [method, path, body] of ROUTES)
    test.each(CASES)(`${method} ${path}: %s`, async (_, headers, want) => {
      const r = await call(env.app, method, path, { headers, body });
      expect(want(method !== "GET")).toContain(r.status);
      if (r.status !== 200) expect((r.json() as { code: string }).code).toBe(r.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    });
  test.each([["users:rw", rw], ["admin", admin]])("%s may read and write", async (_, secret) => {
    expect((await req("GET", "/api/admin/users", undefined, secret)).status).toBe(200);
    expect((await req("PATCH", "/api/admin/users/bob", { note: `by ${_}` }, secret)).status).toBe(200);
  });
});

describe("routes", () => {
  test("create: 201 with the user; audited as token:<name>; refusals", async () => {
    const [status, body] = await reply("POST", "/api/admin/users", { name: "dave", password: "correct horse battery", email: "dave@example.com", display_name: "Dave", is_admin: false });
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: "dave", email: "dave@example.com", display_name: "Dave", is_admin: false, status: 1, tfa: "off", has_password: true, email_verification: false });
    expect(Object.keys(body as object)).not.toContain("password");
    expect(env.audit("user.create").find((a) => a.targetName === "dave")).toMatchObject({ actorType: "token", actorName: "token:hr" });
    const [, nopw] = await reply("POST", "/api/admin/users", { name: "erin" });
    expect(nopw).toMatchObject({ name: "erin", has_password: false });
    expect(await reply("POST", "/api/admin/users", { name: "DAVE" })).toEqual([409, { error: 'a user named "dave" already exists', code: "CONFLICT" }]);
    expect((await reply("POST", "/api/admin/users", { name: "x", password: "short" }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/users", { name: "x", hash: "h" }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/users", { name: "x", email: "not an address" }))[0]).toBe(400);
  });

  test("list and show: {total, data}, any case, 404 with the code", async () => {
    const [status, body] = await reply("GET", "/api/admin/users", undefined, ro);
    expect(status).toBe(200);
    const b = body as { total: number; data: { name: string }[] };
    expect(b.total).toBe(b.data.length);
    expect(b.data.map((u) => u.name)).toEqual(expect.arrayContaining(["alice", "bob", "carol", "dave"]));
    expect((await reply("GET", "/api/admin/users/DAVE", undefined, ro))[1]).toMatchObject({ name: "dave" });
    expect(await reply("GET", "/api/admin/users/nobody", undefined, ro)).toEqual([404, { error: 'user "nobody" not found', code: "NOT_FOUND" }]);
  });

  test("patch: only the fields given; nothing → 400; e-mail verification needs [smtp]; an e-mail taken → 409", async () => {
    expect(await reply("PATCH", "/api/admin/users/dave", { note: "ops", display_name: "D." })).toEqual([200, expect.objectContaining({ note: "ops", display_name: "D.", email: "dave@example.com" })]);
    expect(env.audit("user.update").at(-1)).toMatchObject({ actorName: "token:hr", targetName: "dave" });
    expect(await reply("PATCH", "/api/admin/users/dave", {})).toEqual([400, { error: expect.stringContaining("nothing to change"), code: "INVALID_INPUT" }]);
    expect(await reply("PATCH", "/api/admin/users/dave", { email_verification: true })).toEqual([400, { error: expect.stringContaining("[smtp] is not configured"), code: "INVALID_INPUT" }]);
    expect(await reply("PATCH", "/api/admin/users/bob", { email_verification: true })).toEqual([400, { error: expect.stringContaining("no e-mail address"), code: "INVALID_INPUT" }]);
    expect((await reply("PATCH", "/api/admin/users/bob", { email: "DAVE@example.com" }))[0]).toBe(409);
    expect((await reply("PATCH", "/api/admin/users/bob", { is_admin: "yes" }))[0]).toBe(400);
    expect((await reply("PATCH", "/api/admin/users/nobody", { note: "x" }))[0]).toBe(404);
  });

  test("the last enabled administrator stays one: disable, demote and delete → 409", async () => {
    expect((await reply("POST", "/api/admin/users/carol/disable"))[1]).toMatchObject({ name: "carol", status: 0 });
    expect(await reply("POST", "/api/admin/users/alice/disable")).toEqual([409, { error: expect.stringContaining("alice is the last enabled administrator"), code: "CONFLICT" }]);
    expect((await reply("PATCH", "/api/admin/users/alice", { is_admin: false }))[0]).toBe(409);
    expect((await reply("DELETE", "/api/admin/users/alice"))[0]).toBe(409);
    expect((await reply("POST", "/api/admin/users/carol/enable"))[1]).toMatchObject({ name: "carol", status: 1 });
    expect(env.audit("user.disable").at(-1)?.actorName).toBe("token:hr");
    expect(env.audit("user.enable").at(-1)?.actorName).toBe("token:hr");
  });

  test("password, logout-all and sessions: logins end; never a token in a reply", async () => {
    const secret = login("dave");
    login("dave");
    const [status, body] = await reply("GET", "/api/admin/users/dave/sessions", undefined, ro);
    expect(status).toBe(200);
    const list = body as { total: number; data: { guid: string; user: string; device_id: string; device_info: unknown }[] };
    expect(list.total).toBe(2);
    expect(list.data[0]).toMatchObject({ user: "dave", kind: "client", device_id: "123456789", device_info: { os: "linux", type: "client", name: "PC" } });
    expect(JSON.stringify(body)).not.toContain(secret);
    expect(JSON.stringify(body)).not.toMatch(/token_?hash/i);
    const [del, one] = await reply("DELETE", `/api/admin/sessions/${list.data[0]!.guid}`);
    expect([del, one]).toEqual([200, expect.objectContaining({ guid: list.data[0]!.guid, user: "dave" })]);
    expect(env.audit("session.revoke").at(-1)?.actorName).toBe("token:hr");
    expect((await reply("DELETE", `/api/admin/sessions/${list.data[0]!.guid}`))[0]).toBe(404);
    expect(await reply("POST", "/api/admin/users/DAVE/logout-all")).toEqual([200, { name: "dave", sessions_revoked: 1 }]);
    login("dave");
    expect(await reply("POST", "/api/admin/users/dave/password", { password: "another long password" })).toEqual([200, expect.objectContaining({ name: "dave", has_password: true })]);
    expect(((await reply("GET", "/api/admin/users/dave/sessions"))[1] as { total: number }).total).toBe(0);
    expect(env.audit("user.password").at(-1)).toMatchObject({ actorName: "token:hr", targetName: "dave" });
    expect((await reply("POST", "/api/admin/users/dave/password", { password: "x" }))[0]).toBe(400);
    expect((await reply("POST", "/api/admin/users/dave/password", {}))[0]).toBe(400);
  });

  test("2fa: disable keeps logins, reset ends them; off → 409; never the secret", async () => {
    const { secret } = beginTotp(env.ctx, "dave");
    confirmTotp(env.ctx, "dave", null);
    expect((await reply("GET", "/api/admin/users/dave"))[1]).toMatchObject({ tfa: "on" });
    login("dave");
    expect(await reply("POST", "/api/admin/users/dave/2fa/disable")).toEqual([200, expect.objectContaining({ tfa: "off" })]);
    expect(((await reply("GET", "/api/admin/users/dave/sessions"))[1] as { total: number }).total).toBe(1);
    expect((await reply("POST", "/api/admin/users/dave/2fa/disable"))[0]).toBe(409);
    beginTotp(env.ctx, "dave");
    confirmTotp(env.ctx, "dave", null);
    expect(await reply("POST", "/api/admin/users/dave/2fa/reset")).toEqual([200, { name: "dave", sessions_revoked: 1 }]);
    expect((await reply("GET", "/api/admin/users/dave"))[1]).toMatchObject({ tfa: "off" });
    expect(env.audit("user.2fa_reset").at(-1)?.actorName).toBe("token:hr");
    expect(env.audit("user.2fa_disable").at(-1)?.actorName).toBe("token:hr");
    expect(replies.join("\n")).not.toContain(secret);
  });

  test("tfa_enforced: the flag PUT /api/users/tfa/totp/enforce sets", async () => {
    expect((await reply("GET", "/api/admin/users/dave"))[1]).toMatchObject({ tfa_enforced: false });
    setTotpEnforced(env.ctx, [((await reply("GET", "/api/admin/users/dave"))[1] as { guid: string }).guid], true, "https://console.example.com");
    expect((await reply("GET", "/api/admin/users/dave"))[1]).toMatchObject({ tfa: "off", tfa_enforced: true });
    expect(((await reply("GET", "/api/admin/users"))[1] as { data: { name: string; tfa_enforced: boolean }[] }).data.find((u) => u.name === "dave")).toMatchObject({ tfa_enforced: true });
  });

  test("sso-links: an empty list; unlinking nothing → 404", async () => {
    expect(await reply("GET", "/api/admin/users/bob/sso-links", undefined, ro)).toEqual([200, { total: 0, data: [] }]);
    expect((await reply("DELETE", "/api/admin/users/bob/sso-links/google"))[0]).toBe(404);
  });

  test("delete: {deleted}, then 404; audited", async () => {
    expect(await reply("DELETE", "/api/admin/users/Erin")).toEqual([200, { deleted: "erin" }]);
    expect((await reply("GET", "/api/admin/users/erin"))[0]).toBe(404);
    expect(env.audit("user.delete").at(-1)).toMatchObject({ actorName: "token:hr", targetName: "erin" });
    // An owner of a shared address book stays.
    expect(await reply("DELETE", "/api/admin/users/carol")).toEqual([409, { error: expect.stringContaining("owns shared address books"), code: "CONFLICT" }]);
  });

  test("no password hash or TOTP secret in any reply", () => {
    const all = replies.join("\n");
    expect(all).not.toMatch(/\$argon2|\$2[aby]\$|password_?hash|secret_?enc/i);
  });
});
