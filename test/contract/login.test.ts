// T2–T4 (client-contract.md): the Dart client's exact login, 2FA, currentUser and logout requests.
import { afterAll, describe, expect, test } from "bun:test";
import { beginTotp, confirmTotp } from "../../src/auth/totp.ts";
import { createToken } from "../../src/tokens/service.ts";
import { createUser, getUser } from "../../src/users/service.ts";
import { bearer, codeStepBody, DART_JSON, DEVICE, passwordLoginBody, totpCode } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

// T2's password is "hunter2" (7 characters).
const env = testEnv({ "auth.password_min_length": "6" });
afterAll(() => env.close());
await createUser(env.ctx, { name: "alice", password: "hunter2", email: "alice@example.com", displayName: "Alice" });

const ALICE = { name: "alice", display_name: "Alice", avatar: "", email: "alice@example.com", note: "", status: 1, is_admin: false, info: {} };
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const login = (body: string) => call(env.app, "POST", "/api/login", { raw: body, headers: DART_JSON });

describe("T2 password login", () => {
  test("success → access_token + the full user payload", async () => {
    const r = await login('{"username":"alice","password":"hunter2","id":"123456789","uuid":"YzdmNmUxZjAtMmI0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi","autoLogin":true,"type":"account","deviceInfo":{"os":"windows","type":"client","name":"ALICE-PC"}}');
    expect(r.status).toBe(200);
    const body = r.json() as Record<string, unknown> & { access_token: string };
    expect(body.access_token).toMatch(TOKEN);
    expect(body).toEqual({ type: "access_token", access_token: body.access_token, user: ALICE });
  });

  test("the e-mail address works as the login name", async () => {
    const r = await login(passwordLoginBody("Alice@Example.com", "hunter2"));
    expect((r.json() as { user: { name: string } }).user.name).toBe("alice");
  });

  test("bad password → 401 Wrong username or password; unknown user → the same", async () => {
    for (const body of [passwordLoginBody("alice", "hunter3"), passwordLoginBody("mallory", "hunter2")]) {
      const r = await login(body);
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({ error: "Wrong username or password" });
    }
  });
});

describe("T4 currentUser and logout", () => {
  test("currentUser → the bare payload; invalid token → 401; logout → 200 and the token is dead", async () => {
    const { access_token } = (await login(passwordLoginBody("alice", "hunter2"))).json() as { access_token: string };
    const me = await call(env.app, "POST", "/api/currentUser", { raw: '{"id":"123456789","uuid":"YzdmNmUxZjAtMmI0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi"}', headers: bearer(access_token) });
    expect(me.status).toBe(200);
    expect(me.json()).toEqual(ALICE);

    const bad = await call(env.app, "POST", "/api/currentUser", { raw: JSON.stringify(DEVICE), headers: bearer("not-a-token") });
    expect(bad.status).toBe(401);
    expect(bad.json()).toEqual({ error: "Invalid token" });
    const none = await call(env.app, "POST", "/api/currentUser", { raw: JSON.stringify(DEVICE), headers: { "content-type": "application/json" } });
    expect(none.status).toBe(401);

    const out = await call(env.app, "POST", "/api/logout", { raw: JSON.stringify(DEVICE), headers: bearer(access_token) });
    expect(out.status).toBe(200);
    const after = await call(env.app, "POST", "/api/currentUser", { raw: JSON.stringify(DEVICE), headers: bearer(access_token) });
    expect(after.status).toBe(401);
    expect(after.json()).toEqual({ error: "Invalid token" });
  });

  test("logout with a dead token still answers 200 (the client ignores the reply)", async () => {
    expect((await call(env.app, "POST", "/api/logout", { raw: JSON.stringify(DEVICE), headers: bearer("gone") })).status).toBe(200);
  });
});

describe("T3 TOTP challenge and code step", () => {
  test("challenge shape exactly; the client's code step completes it", async () => {
    const bob = await createUser(env.ctx, { name: "bob", password: "bob-password" });
    const { secret: totpSecret } = beginTotp(env.ctx, bob.name);
    confirmTotp(env.ctx, bob.name, null);

    const r = await login(passwordLoginBody("bob", "bob-password"));
    expect(r.status).toBe(200);
    const challenge = r.json() as Record<string, unknown> & { secret: string };
    expect(challenge.secret).toMatch(TOKEN);
    expect(challenge).toEqual({ type: "email_check", tfa_type: "tfa_check", secret: challenge.secret, access_token: "", user: { name: "bob", info: {} } });

    const code = totpCode(totpSecret, env.ctx.now());
    const done = await login(codeStepBody("bob", code, challenge.secret, { totp: true }));
    expect(done.status).toBe(200);
    const body = done.json() as Record<string, unknown> & { access_token: string };
    expect(body).toEqual({
      type: "access_token",
      access_token: body.access_token,
      user: { name: "bob", display_name: "", avatar: "", email: "", note: "", status: 1, is_admin: false, info: {} },
    });
  });
});

describe("2FA enforcement (PUT /api/users/tfa/totp/enforce) at the client's login", () => {
  let key = "";
  const keyOf = async () => {
    if (!key) {
      await createUser(env.ctx, { name: "root", password: null, isAdmin: true });
      key = createToken(env.ctx, { name: "scripts", owner: "root", scopes: { users: "rw" } }).secret;
    }
    return key;
  };
  /** users.py enable-2fa-enforce / disable-2fa-enforce: one PUT, json.dumps' separators. */
  const enforce = async (name: string, on: boolean, url: string) => {
    const guid = getUser(env.ctx, name).guid;
    const raw = `{"user_guids": ["${guid}"], "enforce": ${on}, "url": "${url}"}`;
    const r = await call(env.app, "PUT", "/api/users/tfa/totp/enforce", { raw, headers: { authorization: `Bearer ${await keyOf()}`, "content-type": "application/json" } });
    expect(r.status).toBe(200);
  };
  const sessions = (name: string) => env.sqlite.query("SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = ?").get(name);

  test("enforced without TOTP → 403 with the set-up address; no session", async () => {
    await createUser(env.ctx, { name: "erin", password: "erin-password" });
    await enforce("erin", true, "https://console.example.com");
    const r = await login('{"username":"erin","password":"erin-password","id":"123456789","uuid":"YzdmNmUxZjAtMmI0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi","autoLogin":true,"type":"account","deviceInfo":{"os":"windows","type":"client","name":"ERIN-PC"}}');
    expect([r.status, r.text]).toEqual([403, '{"error":"Two-factor authentication (TOTP) is required for this account: set it up at https://console.example.com, then log in again"}']);
    expect(sessions("erin")).toEqual({ n: 0 });
    // A wrong password is still only "wrong": the refusal says nothing before the password is right.
    expect((await login(passwordLoginBody("erin", "not-her-password"))).json()).toEqual({ error: "Wrong username or password" });
  });

  test("enforced without a URL, or with an authenticator not yet confirmed → the refusal says to ask the administrator", async () => {
    await enforce("erin", true, "");
    const r = await login(passwordLoginBody("erin", "erin-password"));
    expect([r.status, r.json()]).toEqual([403, { error: "Two-factor authentication (TOTP) is required for this account: ask your administrator to set it up" }]);
    beginTotp(env.ctx, "erin");
    expect((await login(passwordLoginBody("erin", "erin-password"))).status).toBe(403);
  });

  test("enforced with TOTP set up → the tfa_check challenge, then the code step logs in", async () => {
    await createUser(env.ctx, { name: "fred", password: "fred-password" });
    const { secret } = beginTotp(env.ctx, "fred");
    confirmTotp(env.ctx, "fred", null);
    await enforce("fred", true, "https://console.example.com");
    const r = await login(passwordLoginBody("fred", "fred-password"));
    const challenge = r.json() as Record<string, unknown> & { secret: string };
    expect(r.status).toBe(200);
    expect(challenge).toEqual({ type: "email_check", tfa_type: "tfa_check", secret: challenge.secret, access_token: "", user: { name: "fred", info: {} } });
    const done = await login(codeStepBody("fred", totpCode(secret, env.ctx.now()), challenge.secret, { totp: true }));
    expect([done.status, (done.json() as { type: string }).type]).toEqual([200, "access_token"]);
  });

  test("not enforced (never, or disable-2fa-enforce) → the login is as before", async () => {
    await enforce("erin", false, "");
    const r = await login(passwordLoginBody("erin", "erin-password"));
    expect([r.status, (r.json() as { type: string }).type]).toEqual([200, "access_token"]);
    const alice = await login(passwordLoginBody("alice", "hunter2"));
    expect([alice.status, (alice.json() as { type: string }).type]).toEqual([200, "access_token"]);
  });
});
