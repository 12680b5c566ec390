// Console sign-in in process: password and TOTP sign-in to a session cookie (exact attributes), lockout,
// sign-out, CSRF, password change ending the other sessions, TOTP self-enrolment with real codes, what a
// non-administrator may reach, and the restricted session of a user whose TOTP is enforced.
import { afterAll, describe, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { beginTotp, confirmTotp } from "../../src/auth/totp.ts";
import { consoleAudit, users } from "../../src/db/schema.ts";
import { setDevice } from "../../src/devices/service.ts";
import { createToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { bearer, codeStepBody, DART_JSON, passwordLoginBody, totpCode, UUID } from "../helpers/client.ts";
import { asConsole, asUser, consoleSignIn, CSRF, setCookie } from "../helpers/console.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv({ "lockout.account_failures": "3" });
afterAll(() => env.close());
await createUser(env.ctx, { name: "alice", password: "alice-password", email: "alice@example.com", isAdmin: true });
await createUser(env.ctx, { name: "bob", password: "bob-password" });
await createUser(env.ctx, { name: "dave", password: "dave-password", isAdmin: true });
await createUser(env.ctx, { name: "erin", password: "erin-password" });
const login = (body: unknown, headers: Record<string, string> = CSRF) => call(env.app, "POST", "/api/admin/login", { headers, body });
const clientLogin = async (name: string, password: string) => (await call(env.app, "POST", "/api/login", { raw: passwordLoginBody(name, password), headers: DART_JSON })).json() as { access_token: string; secret: string };
const audit = (action: string) => env.db.select().from(consoleAudit).where(sql`${consoleAudit.action} = ${action}`).all();

describe("password sign-in", () => {
  test("by name or e-mail → the cookie, exact attributes; the profile", async () => {
    const r = await login({ login: "alice@example.com", password: "alice-password" });
    expect(r.status).toBe(200);
    const cookie = setCookie(r.headers, "rdc_console")!;
    expect(cookie.line).toBe(`rdc_console=${cookie.value}; Path=/; HttpOnly; SameSite=Strict`);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.json()).toEqual({
      status: "signed_in",
      profile: { name: "alice", display_name: "", email: "alice@example.com", is_admin: true, tfa: "off", totp_required: false, recovery_codes_left: 0, has_password: true, session: { guid: expect.any(String), created_at: "2026-11-22T12:00:00.000Z", expires_at: "2026-11-23T00:00:00.000Z" } },
    });
    expect((await asUser(env.app, cookie.value, "GET", "/api/admin/profile")).json()).toMatchObject({ name: "alice", is_admin: true });
    expect(audit("auth.login").at(-1)).toMatchObject({ actorName: "alice", details: { via: "password", session: "console" } });
    // Signing in again from that browser replaces its session.
    const again = await call(env.app, "POST", "/api/admin/login", { headers: asConsole(cookie.value), body: { login: "alice", password: "alice-password" } });
    expect(setCookie(again.headers, "rdc_console")!.value).not.toBe(cookie.value);
    expect((await asUser(env.app, cookie.value, "GET", "/api/admin/profile")).status).toBe(401);
  });

  test("Secure behind https (server.public_url)", async () => {
    const https = testEnv({ "server.public_url": "https://rd.example.com" });
    await createUser(https.ctx, { name: "alice", password: "alice-password" });
    const r = await call(https.app, "POST", "/api/admin/login", { headers: CSRF, body: { login: "alice", password: "alice-password" } });
    const cookie = setCookie(r.headers, "rdc_console")!;
    expect(cookie.line).toBe(`rdc_console=${cookie.value}; Path=/; HttpOnly; SameSite=Strict; Secure`);
    https.close();
  });

  test("wrong passwords: 401, then the account is locked out (429) like a client login", async () => {
    for (let i = 0; i < 3; i++) expect(await login({ login: "erin", password: "wrong" }).then((r) => [r.status, r.json()])).toEqual([401, { error: "Wrong username or password", code: "UNAUTHORIZED" }]);
    expect(await login({ login: "erin", password: "erin-password" }).then((r) => [r.status, (r.json() as { code: string }).code])).toEqual([429, "TOO_MANY_REQUESTS"]);
    // The client login shares the lockout.
    expect((await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("erin", "erin-password"), headers: DART_JSON })).status).toBe(429);
  });

  test("without the CSRF header, or without credentials: refused", async () => {
    expect((await login({ login: "alice", password: "alice-password" }, {})).status).toBe(403);
    expect(await login({ login: "alice" }).then((r) => r.status)).toBe(400);
    expect(await login({ login: "alice", password: "alice-password", extra: 1 }).then((r) => r.status)).toBe(400);
  });

  test("a console cookie is no client token, and a client token is no console cookie", async () => {
    const secret = await consoleSignIn(env.app, "alice", "alice-password");
    expect((await call(env.app, "POST", "/api/currentUser", { headers: bearer(secret) })).status).toBe(401);
    const { access_token } = await clientLogin("alice", "alice-password");
    expect((await asUser(env.app, access_token, "GET", "/api/admin/profile")).status).toBe(401);
    expect((await call(env.app, "GET", "/api/admin/groups", { headers: asConsole(access_token) })).status).toBe(401);
  });
});

describe("TOTP at sign-in", () => {
  const { secret } = beginTotp(env.ctx, "dave");
  confirmTotp(env.ctx, "dave", totpCode(secret, env.ctx.now()));

  test("password → second step → a real code → signed in; a wrong code first: 401", async () => {
    const first = await login({ login: "dave", password: "dave-password" });
    expect(first.json()).toEqual({ status: "second_step", method: "totp", secret: expect.any(String) });
    expect(setCookie(first.headers, "rdc_console")).toBeUndefined();
    const step = (first.json() as { secret: string }).secret;
    expect(await login({ secret: step, code: "000000" }).then((r) => [r.status, r.json()])).toEqual([401, { error: "Wrong verification code", code: "UNAUTHORIZED" }]);
    env.advance(30_000);
    const done = await login({ secret: step, code: totpCode(secret, env.ctx.now()) });
    expect(done.json()).toMatchObject({ status: "signed_in", profile: { name: "dave", tfa: "on", recovery_codes_left: 10 } });
    expect(setCookie(done.headers, "rdc_console")).toBeDefined();
  });

  test("a client's challenge does not finish a console sign-in", async () => {
    const client = await clientLogin("dave", "dave-password");
    env.advance(30_000);
    expect(await login({ secret: client.secret, code: totpCode(secret, env.ctx.now()) }).then((r) => [r.status, r.json()])).toEqual([401, { error: "This verification is no longer valid; please log in again", code: "UNAUTHORIZED" }]);
    // …which the client still can.
    const r = await call(env.app, "POST", "/api/login", { raw: codeStepBody("dave", totpCode(secret, env.ctx.now()), client.secret, { totp: true }), headers: DART_JSON });
    expect((r.json() as { type: string }).type).toBe("access_token");
  });
});

describe("sign-out and CSRF", () => {
  test("logout needs the header, ends the session and clears the cookie", async () => {
    const secret = await consoleSignIn(env.app, "alice", "alice-password");
    expect((await call(env.app, "POST", "/api/admin/logout", { headers: asConsole(secret, false) })).status).toBe(403);
    const r = await call(env.app, "POST", "/api/admin/logout", { headers: asConsole(secret) });
    expect([r.status, r.json()]).toEqual([200, { signed_out: true }]);
    expect(setCookie(r.headers, "rdc_console")!.line).toBe("rdc_console=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    expect((await asUser(env.app, secret, "GET", "/api/admin/profile")).json()).toEqual({ error: "your console sign-in has ended; sign in again", code: "UNAUTHORIZED" });
  });

  test("a cookie write without X-Rdconsole-Csrf: 403; with it: 200; a Bearer token needs none", async () => {
    const secret = await consoleSignIn(env.app, "alice", "alice-password");
    const without = await call(env.app, "PATCH", "/api/admin/groups/Default", { headers: asConsole(secret, false), body: { note: "x" } });
    expect([without.status, without.json()]).toEqual([403, { error: "a console request that changes something needs the header X-Rdconsole-Csrf: 1", code: "FORBIDDEN" }]);
    expect((await call(env.app, "PATCH", "/api/admin/groups/Default", { headers: { ...asConsole(secret, false), "x-rdconsole-csrf": "yes" }, body: { note: "x" } })).status).toBe(403);
    expect((await asUser(env.app, secret, "PATCH", "/api/admin/groups/Default", { body: { note: "by alice" } })).status).toBe(200);
    expect(audit("group.access").at(-1) ?? audit("group.rename").at(-1)).toBeDefined();
    expect(env.db.select().from(consoleAudit).all().filter((a) => a.actorName === "alice" && a.actorType === "user" && a.action.startsWith("group.")).length).toBeGreaterThan(0);
    const token = createToken(env.ctx, { name: "ops", scopes: { groups: "rw" }, owner: "alice" }).secret;
    expect((await call(env.app, "PATCH", "/api/admin/groups/Default", { headers: { authorization: `Bearer ${token}` }, body: { note: "by token" } })).status).toBe(200);
  });
});

describe("own password", () => {
  test("the current password first; every other session (console and client) ends, this one stays", async () => {
    await createUser(env.ctx, { name: "frank", password: "frank-password" });
    const mine = await consoleSignIn(env.app, "frank", "frank-password");
    const other = await consoleSignIn(env.app, "frank", "frank-password");
    const client = await clientLogin("frank", "frank-password");
    const put = (body: unknown, secret = mine) => asUser(env.app, secret, "PUT", "/api/admin/password", { body });
    expect(await put({ current_password: "nope", new_password: "frank-new-password" }).then((r) => [r.status, r.json()])).toEqual([403, { error: "the current password is wrong", code: "FORBIDDEN" }]);
    expect(await put({ current_password: "frank-password", new_password: "short" }).then((r) => r.status)).toBe(400);
    expect(await put({ current_password: "frank-password", new_password: "frank-new-password" }).then((r) => [r.status, r.json()])).toEqual([200, { changed: true, sessions_revoked: 2 }]);
    expect((await asUser(env.app, mine, "GET", "/api/admin/profile")).status).toBe(200);
    expect((await asUser(env.app, other, "GET", "/api/admin/profile")).status).toBe(401);
    expect((await call(env.app, "POST", "/api/currentUser", { headers: bearer(client.access_token) })).status).toBe(401);
    expect(await login({ login: "frank", password: "frank-password" }).then((r) => r.status)).toBe(401);
    await consoleSignIn(env.app, "frank", "frank-new-password");
    expect(audit("user.password").at(-1)).toMatchObject({ actorName: "frank", targetName: "frank", details: { sessions_revoked: 2, self: true } });
  });
});

describe("TOTP self-enrolment", () => {
  test("secret + otpauth URL + SVG QR; confirm with a real code → recovery codes once; off with a current code", async () => {
    const me = await consoleSignIn(env.app, "bob", "bob-password");
    const begun = await asUser(env.app, me, "POST", "/api/admin/profile/totp");
    expect(begun.status).toBe(200);
    const { secret, otpauth_url, qr_svg } = begun.json() as { secret: string; otpauth_url: string; qr_svg: string };
    expect(otpauth_url).toBe(`otpauth://totp/rdconsole:bob?secret=${secret}&issuer=rdconsole`);
    expect(qr_svg.startsWith("<svg")).toBe(true);
    expect((await asUser(env.app, me, "GET", "/api/admin/profile")).json()).toMatchObject({ tfa: "pending" });
    expect(await asUser(env.app, me, "POST", "/api/admin/profile/totp/confirm", { body: { code: "123456" } }).then((r) => r.status)).toBe(400);
    const confirmed = await asUser(env.app, me, "POST", "/api/admin/profile/totp/confirm", { body: { code: totpCode(secret, env.ctx.now()) } });
    const body = confirmed.json() as { enabled: boolean; recovery_codes: string[]; profile: { tfa: string } };
    expect([confirmed.status, body.enabled, body.recovery_codes.length, body.profile.tfa]).toEqual([200, true, 10, "on"]);
    expect(body.recovery_codes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await asUser(env.app, me, "POST", "/api/admin/profile/totp").then((r) => r.status)).toBe(409);
    // The next sign-in asks for it.
    expect((await login({ login: "bob", password: "bob-password" })).json()).toMatchObject({ status: "second_step", method: "totp" });
    // Off: a wrong code 403, a current one (the next time step: the confirming one is spent) 200.
    expect(await asUser(env.app, me, "DELETE", "/api/admin/profile/totp", { body: { code: "000000" } }).then((r) => [r.status, r.json()])).toEqual([403, { error: "Wrong verification code", code: "FORBIDDEN" }]);
    env.advance(30_000);
    const off = await asUser(env.app, me, "DELETE", "/api/admin/profile/totp", { body: { code: totpCode(secret, env.ctx.now()) } });
    expect([off.status, (off.json() as { profile: { tfa: string } }).profile.tfa]).toEqual([200, "off"]);
  });
});

describe("a non-administrator", () => {
  test("403 on area routes; 200 on its own devices, sessions and address book", async () => {
    await createUser(env.ctx, { name: "gina", password: "gina-password" });
    const post = (raw: string) => call(env.app, "POST", "/api/sysinfo", { raw, headers: { "content-type": "application/json" } });
    expect((await post(`{"hostname":"GINA-PC","id":"555555555","uuid":"${UUID}","os":"Linux"}`)).text).toBe("SYSINFO_UPDATED");
    expect((await post(`{"hostname":"OTHER-PC","id":"666666666","uuid":"${UUID}","os":"Linux"}`)).text).toBe("SYSINFO_UPDATED");
    setDevice(env.ctx, "555555555", { owner: "gina" });
    const me = await consoleSignIn(env.app, "gina", "gina-password");
    const client = await clientLogin("gina", "gina-password");
    const denied = await asUser(env.app, me, "GET", "/api/admin/groups");
    expect([denied.status, (denied.json() as { code: string }).code]).toEqual([403, "FORBIDDEN"]);
    expect((await asUser(env.app, me, "GET", "/api/admin/users")).status).toBe(403);
    const devices = (await asUser(env.app, me, "GET", "/api/admin/me/devices")).json() as { total: number; data: { id: string; info: { device_name: string } }[] };
    expect([devices.total, devices.data[0]!.id, devices.data[0]!.info.device_name]).toEqual([1, "555555555", "GINA-PC"]);
    const sessions = (await asUser(env.app, me, "GET", "/api/admin/me/sessions")).json() as { data: { guid: string; kind: string; current: boolean }[] };
    expect(sessions.data.map((s) => [s.kind, s.current])).toEqual([["console", true], ["client", false]]);
    // Someone else's session: 404; its own client login: revoked.
    const alices = (await call(env.app, "GET", "/api/admin/me/sessions", { headers: asConsole(await consoleSignIn(env.app, "alice", "alice-password")) })).json() as { data: { guid: string }[] };
    expect((await asUser(env.app, me, "DELETE", `/api/admin/me/sessions/${alices.data[0]!.guid}`)).status).toBe(404);
    expect((await asUser(env.app, me, "DELETE", `/api/admin/me/sessions/${sessions.data[1]!.guid}`)).json()).toEqual({ revoked: sessions.data[1]!.guid });
    expect((await call(env.app, "POST", "/api/currentUser", { headers: bearer(client.access_token) })).status).toBe(401);
    expect((await asUser(env.app, me, "GET", "/api/admin/me/address-book")).json()).toEqual({ tags: [], total: 0, peers: [] });
    // A Bearer token is no console sign-in.
    const token = createToken(env.ctx, { name: "root", scopes: { admin: "rw" }, owner: "alice" }).secret;
    expect((await call(env.app, "GET", "/api/admin/me/devices", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe("TOTP enforced, not set up: a restricted session", () => {
  test("profile and enrolment only (totp_required: true) until TOTP is confirmed", async () => {
    await createUser(env.ctx, { name: "hank", password: "hank-password", isAdmin: true });
    env.db.update(users).set({ totpEnforced: true }).where(sql`${users.name} = 'hank'`).run();
    const me = await consoleSignIn(env.app, "hank", "hank-password");
    expect((await asUser(env.app, me, "GET", "/api/admin/profile")).json()).toMatchObject({ name: "hank", tfa: "off", totp_required: true });
    for (const path of ["/api/admin/groups", "/api/admin/me/devices", "/api/admin/me/sessions"]) {
      const r = await asUser(env.app, me, "GET", path);
      expect([r.status, r.json()]).toEqual([403, { error: "your administrator requires two-factor authentication: set it up first (POST /api/admin/profile/totp)", code: "FORBIDDEN" }]);
    }
    expect((await asUser(env.app, me, "PUT", "/api/admin/password", { body: { current_password: "hank-password", new_password: "hank-password-2" } })).status).toBe(403);
    const { secret } = (await asUser(env.app, me, "POST", "/api/admin/profile/totp")).json() as { secret: string };
    env.advance(30_000);
    const done = await asUser(env.app, me, "POST", "/api/admin/profile/totp/confirm", { body: { code: totpCode(secret, env.ctx.now()) } });
    expect((done.json() as { profile: { totp_required: boolean } }).profile.totp_required).toBe(false);
    expect((await asUser(env.app, me, "GET", "/api/admin/groups")).status).toBe(200);
    // Enforced: it cannot be turned off again.
    env.advance(30_000);
    expect(await asUser(env.app, me, "DELETE", "/api/admin/profile/totp", { body: { code: totpCode(secret, env.ctx.now()) } }).then((r) => r.status)).toBe(409);
  });
});
