// The admin API's tokens (/api/admin/tokens…): the admin scope only (read admin:r, change admin:rw), the
// secret in the create and rotate answers only, a revoke that takes effect on the next request, the audit actor.
import { afterAll, describe, expect, test } from "bun:test";
import { withTransaction } from "../../src/core/context.ts";
import { tokenEnrolments } from "../../src/db/schema.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const ADMIN = createToken(env.ctx, { name: "root", scopes: { admin: "rw" }, owner: "carol" }).secret;
const READER = createToken(env.ctx, { name: "auditor", scopes: { admin: "r" } }).secret;
const DEVICES = createToken(env.ctx, { name: "devices", scopes: { devices: "rw", users: "rw", groups: "rw", strategies: "rw", address_books: "rw", audit: "rw", enrol: "rw" } }).secret;
const GONE = createToken(env.ctx, { name: "gone", scopes: { admin: "rw" } }).secret;
revokeToken(env.ctx, "gone");
createToken(env.ctx, { name: "kiosk", kind: "enrol", presets: { user: "alice", address_book: "Ops team", ab_password: "hunter2" }, maxUses: 5 });

const as = (secret: string | null, method: string, path: string, body?: unknown) => call(env.app, method, path, { headers: secret ? bearer(secret) : {}, body });

describe("the token matrix: every route checks the admin scope", () => {
  const ROUTES: [method: string, path: string, write: boolean, body?: unknown][] = [
    ["GET", "/api/admin/tokens", false],
    ["POST", "/api/admin/tokens", true, { name: "m", scopes: { audit: "r" } }],
    ["GET", "/api/admin/tokens/kiosk", false],
    ["DELETE", "/api/admin/tokens/nobody", true],
    ["POST", "/api/admin/tokens/nobody/rotate", true],
    ["GET", "/api/admin/tokens/kiosk/enrolments", false],
  ];
  const CALLERS: [who: string, secret: string | null, read: number, write: number][] = [
    ["no token", null, 401, 401],
    ["a bad token", "rdc_" + "x".repeat(43), 401, 401],
    ["not a token at all", "hello", 401, 401],
    ["a revoked admin token", GONE, 401, 401],
    ["every area but admin", DEVICES, 403, 403],
    ["admin:r", READER, 200, 403],
  ];
  for (const [method, path, write, body] of ROUTES)
    test.each(CALLERS)(`${method} ${path}: %s → %d/%d`, async (_who, secret, read, wrote) => {
      const r = await as(secret, method, path, body);
      expect(r.status).toBe(write ? wrote : read);
      if (r.status >= 400) expect((r.json() as { code: string }).code).toBe(r.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    });

  test("admin:rw passes the guard on every route (then 200, 201 or the service's 404)", async () => {
    const got = [];
    for (const [method, path, , body] of ROUTES) got.push((await as(ADMIN, method, path, body)).status);
    expect(got).toEqual([200, 201, 200, 404, 404, 200]);
  });

  test("the 403 says what is missing", async () => {
    expect((await as(DEVICES, "GET", "/api/admin/tokens")).json()).toEqual({
      error: 'API token "devices" may not read API tokens and bans (the admin scope) (its scopes: devices:rw users:rw groups:rw strategies:rw address_books:rw audit:rw enrol:rw)',
      code: "FORBIDDEN",
    });
  });
});

describe("create, show, list: the secret once", () => {
  test("an API token: 201 with the secret, owned by the calling token's owner; list and show never carry it", async () => {
    const r = await as(ADMIN, "POST", "/api/admin/tokens", { name: "ci", scopes: { devices: "rw", audit: "r" }, expires: "90d", note: "pipeline" });
    expect(r.status).toBe(201);
    const created = r.json() as Record<string, unknown> & { token: string; prefix: string };
    expect(created.token).toMatch(/^rdc_[0-9A-Za-z]{43}$/);
    expect(created).toMatchObject({ name: "ci", kind: "api", scopes: { devices: "rw", audit: "r" }, owner: "carol", state: "active", note: "pipeline", presets: {}, max_uses: null, uses: 0, lock: false, revoked_at: null });
    expect(created.prefix).toBe(created.token.slice(0, 12));
    expect(Date.parse(created.expires_at as string) - env.ctx.now()).toBe(90 * 86_400_000);
    const shown = (await as(READER, "GET", "/api/admin/tokens/ci")).json() as Record<string, unknown>;
    const { token: _secret, ...rest } = created;
    expect(shown).toEqual(rest);
    const list = await as(READER, "GET", "/api/admin/tokens");
    for (const text of [list.text, JSON.stringify(shown)]) {
      expect(text).not.toContain(created.token);
      expect(text).not.toMatch(/hash/i);
    }
    const body = list.json() as { total: number; data: { name: string }[] };
    expect(body.total).toBe(body.data.length);
    expect(body.data.map((t) => t.name)).toContain("ci");
    // The new token works, with its scope.
    expect((await as(created.token, "GET", "/api/admin/tokens")).status).toBe(403);
  });

  test("an enrolment key: presets checked, the book's password masked, uses", async () => {
    const r = await as(ADMIN, "POST", "/api/admin/tokens", { name: "lab", kind: "enrol", presets: { user: "ALICE", device_group: "kiosks", address_book: "ops TEAM", ab_password: "pw" }, max_uses: 3, lock: true });
    expect(r.status).toBe(201);
    expect(r.json()).toMatchObject({ kind: "enrol", scopes: { enrol: "rw" }, presets: { user: "alice", device_group: "Kiosks", address_book: "Ops team", ab_password: "***" }, max_uses: 3, lock: true });
    expect((await as(ADMIN, "POST", "/api/admin/tokens", { name: "lab2", kind: "enrol", presets: { user: "alcie" } })).json()).toEqual({ error: 'user "alcie" not found (did you mean "alice"?)', code: "NOT_FOUND" });
    expect(((await as(READER, "GET", "/api/admin/tokens/kiosk")).json() as { presets: unknown }).presets).toEqual({ user: "alice", address_book: "Ops team", ab_password: "***" });
  });

  test.each([
    ["no scope", { name: "x" }, 400, "a token needs at least one scope"],
    ["an unknown area", { name: "x", scopes: { device: "rw" } }, 400, "invalid scope device:rw"],
    ["a bad access", { name: "x", scopes: { devices: "w" } }, 400, ""],
    ["a bad name", { name: "no spaces", scopes: { audit: "r" } }, 400, "invalid token name"],
    ["a bad duration", { name: "x", scopes: { audit: "r" }, expires: "3 days" }, 400, 'expires takes a duration such as 30m, 12h, 90d, 2w, or never, not "3 days"'],
    ["presets on an API token", { name: "x", scopes: { audit: "r" }, max_uses: 2 }, 400, "are for enrolment keys"],
    ["scopes on a key", { name: "x", kind: "enrol", scopes: { audit: "r" } }, 400, "an enrolment key may only enrol"],
    ["an unknown field", { name: "x", scopes: { audit: "r" }, owner: "alice" }, 400, ""],
    ["a name taken", { name: "root", scopes: { audit: "r" } }, 409, ""],
  ])("refused: %s", async (_name, body, status, message) => {
    const r = await as(ADMIN, "POST", "/api/admin/tokens", body);
    expect(r.status).toBe(status);
    const got = r.json() as { error: string; code: string };
    expect(got.error).toContain(message);
    expect(got.code).toBe(status === 409 ? "CONFLICT" : "INVALID_INPUT");
  });

  test("show by prefix; an unknown name → 404 with a hint", async () => {
    const { token } = createToken(env.ctx, { name: "byprefix", scopes: { audit: "r" } });
    expect(((await as(READER, "GET", `/api/admin/tokens/${token.prefix}`)).json() as { name: string }).name).toBe("byprefix");
    expect((await as(READER, "GET", "/api/admin/tokens/byprefx")).json()).toEqual({ error: 'token "byprefx" not found (did you mean "byprefix"?)', code: "NOT_FOUND" });
  });
});

describe("revoke and rotate", () => {
  test("a token revoked over the API is refused on its next request; revoking again → 409", async () => {
    const victim = ((await as(ADMIN, "POST", "/api/admin/tokens", { name: "victim", scopes: { admin: "r" } })).json() as { token: string }).token;
    expect((await as(victim, "GET", "/api/admin/tokens")).status).toBe(200);
    const r = await as(ADMIN, "DELETE", "/api/admin/tokens/victim");
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ name: "victim", state: "revoked", revoked_at: expect.any(String) });
    expect(r.text).not.toContain(victim);
    expect((await as(victim, "GET", "/api/admin/tokens")).json()).toEqual({ error: 'API token "victim" was revoked', code: "UNAUTHORIZED" });
    expect((await as(ADMIN, "DELETE", "/api/admin/tokens/victim")).status).toBe(409);
  });

  test("a token may revoke itself; its next request is refused", async () => {
    const self = ((await as(ADMIN, "POST", "/api/admin/tokens", { name: "self", scopes: { admin: "rw" } })).json() as { token: string }).token;
    expect((await as(self, "DELETE", "/api/admin/tokens/self")).status).toBe(200);
    expect((await as(self, "GET", "/api/admin/tokens")).status).toBe(401);
  });

  test("rotate: the new secret once, the old one refused at once", async () => {
    const old = ((await as(ADMIN, "POST", "/api/admin/tokens", { name: "spin", scopes: { admin: "r" } })).json() as { token: string; prefix: string }).token;
    const r = await as(ADMIN, "POST", "/api/admin/tokens/spin/rotate");
    expect(r.status).toBe(200);
    const rotated = r.json() as { token: string; prefix: string; name: string };
    expect(rotated.token).not.toBe(old);
    expect(rotated.prefix).toBe(rotated.token.slice(0, 12));
    expect((await as(old, "GET", "/api/admin/tokens")).status).toBe(401);
    expect((await as(rotated.token, "GET", "/api/admin/tokens")).status).toBe(200);
    expect((await as(READER, "GET", "/api/admin/tokens/spin")).text).not.toContain(rotated.token);
    expect((await as(ADMIN, "POST", "/api/admin/tokens/gone/rotate")).json()).toEqual({ error: 'API token "gone" is revoked; create a new one instead', code: "CONFLICT" });
  });
});

test("enrolments: what a key enrolled, {total, data}", async () => {
  const key = createToken(env.ctx, { name: "usedkey", kind: "enrol" }).token;
  const row = env.db.select().from((await import("../../src/db/schema.ts")).apiTokens).all().find((t) => t.guid === key.guid)!;
  withTransaction(env.ctx, (tx) => tx.db.insert(tokenEnrolments).values({ tokenId: row.id, rdId: "123456789", kind: "assign", at: Date.parse("2026-01-02T03:04:05Z"), ip: "192.0.2.1", set: { user: "alice" } }).run());
  const r = await as(READER, "GET", "/api/admin/tokens/usedkey/enrolments");
  expect([r.status, r.json()]).toEqual([200, { total: 1, data: [{ token: "usedkey", device: "123456789", kind: "assign", at: "2026-01-02T03:04:05.000Z", ip: "192.0.2.1", set: { user: "alice" }, registered: false }] }]);
});

test("audit: the actor is token:<name>", async () => {
  await as(ADMIN, "POST", "/api/admin/tokens", { name: "audited", scopes: { audit: "r" } });
  await as(ADMIN, "POST", "/api/admin/tokens/audited/rotate");
  await as(ADMIN, "DELETE", "/api/admin/tokens/audited");
  for (const action of ["token.create", "token.rotate", "token.revoke"]) {
    const rows = env.audit(action).filter((a) => a.targetName === "audited");
    expect(rows.map((a) => [a.actorType, a.actorName])).toEqual([["token", "token:root"]]);
  }
});
