// Access-token lifecycle: sliding expiry, revocation, per-user cap, only hashes stored.
import { beforeEach, describe, expect, test } from "bun:test";
import { listSessions, revokeSession } from "../../src/auth/sessions.ts";
import { consoleAudit, sessions } from "../../src/db/schema.ts";
import { createUser, deleteUser, disableUser, enableUser, logoutAll, setPassword } from "../../src/users/service.ts";
import { bearer, DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const DAY = 86_400_000;
let env: ReturnType<typeof testEnv>;

beforeEach(async () => {
  env = testEnv({ "auth.max_sessions_per_user": "3" });
  await createUser(env.ctx, { name: "alice", password: "alice-password" });
});

async function loginToken(device = { id: "123456789", uuid: "dXVpZA==" }): Promise<string> {
  const r = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password", device), headers: DART_JSON });
  expect(r.status).toBe(200);
  return (r.json() as { access_token: string }).access_token;
}

const me = async (token: string) => (await call(env.app, "POST", "/api/currentUser", { headers: bearer(token) })).status;

describe("expiry", () => {
  test("a token unused for auth.session_days is dead", async () => {
    const token = await loginToken();
    env.advance(30 * DAY - 1000);
    expect(await me(token)).toBe(200);
    env.advance(30 * DAY + 1000); // the use above slid the expiry 30 days on
    expect(await me(token)).toBe(401);
  });

  test("use slides the expiry", async () => {
    const token = await loginToken();
    for (let i = 0; i < 5; i++) {
      env.advance(20 * DAY);
      expect(await me(token)).toBe(200);
    }
  });

  test("last_used is written at most every few minutes", async () => {
    const token = await loginToken();
    const before = env.db.select().from(sessions).get()!.lastUsedAt;
    env.advance(60_000);
    await me(token);
    expect(env.db.select().from(sessions).get()!.lastUsedAt).toBe(before);
    env.advance(5 * 60_000);
    await me(token);
    expect(env.db.select().from(sessions).get()!.lastUsedAt).toBe(env.ctx.now());
  });
});

describe("revocation", () => {
  test.each([
    ["password change", () => setPassword(env.ctx, "alice", "a new password")],
    ["disable", () => disableUser(env.ctx, "alice")],
    ["logout-all", () => logoutAll(env.ctx, "alice")],
    ["delete", () => deleteUser(env.ctx, "alice")],
  ])("%s revokes the user's tokens", async (_name, change) => {
    const token = await loginToken();
    await change();
    expect(await me(token)).toBe(401);
    expect(env.db.select().from(sessions).all()).toEqual([]);
  });

  test("a disabled user gets 401 on currentUser; re-enabled needs a new login", async () => {
    const token = await loginToken();
    disableUser(env.ctx, "alice");
    expect(await me(token)).toBe(401);
    const refused = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password"), headers: DART_JSON });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({ error: "This account is disabled" });
    enableUser(env.ctx, "alice");
    expect(await me(token)).toBe(401);
    expect(await me(await loginToken())).toBe(200);
  });

  test("revoking one session leaves the others", async () => {
    const a = await loginToken({ id: "1", uuid: "YQ==" });
    const b = await loginToken({ id: "2", uuid: "Yg==" });
    const list = listSessions(env.ctx);
    expect(list.map((s) => s.deviceId)).toEqual(["1", "2"]);
    revokeSession(env.ctx, String(list[0]!.id));
    expect(await me(a)).toBe(401);
    expect(await me(b)).toBe(200);
    expect(() => revokeSession(env.ctx, "999")).toThrow("session 999 not found");
  });
});

test("the session records the device, its info and the login; a user has at most max_sessions_per_user", async () => {
  const tokens = [];
  for (let i = 1; i <= 4; i++) {
    tokens.push(await loginToken({ id: String(i), uuid: `dXVpZC${i}` }));
    env.advance(1000);
  }
  const live = listSessions(env.ctx, { user: "ALICE" });
  expect(live.map((s) => s.deviceId)).toEqual(["2", "3", "4"]);
  expect(live[0]!.deviceInfo).toEqual({ os: "windows", type: "client", name: "ALICE-PC" });
  expect(await me(tokens[0]!)).toBe(401);
  expect(await me(tokens[3]!)).toBe(200);
  expect(env.db.select().from(consoleAudit).all().filter((r) => r.action === "auth.login")).toHaveLength(4);
});

test("only SHA-256 of the token is stored", async () => {
  const token = await loginToken();
  const row = env.db.select().from(sessions).get()!;
  expect(row.tokenHash).toBe(new Bun.CryptoHasher("sha256").update(token).digest("hex"));
  expect(JSON.stringify(env.db.select().from(sessions).all())).not.toContain(token);
});

test.each([
  ["no header", {}],
  ["not Bearer", { authorization: "Basic YWxpY2U6cHc=" }],
  ["empty Bearer", { authorization: "Bearer " }],
  ["huge token", { authorization: `Bearer ${"x".repeat(5000)}` }],
])("currentUser with %s → 401 Invalid token", async (_name, headers) => {
  const r = await call(env.app, "POST", "/api/currentUser", { headers: headers as Record<string, string> });
  expect(r.status).toBe(401);
  expect(r.json()).toEqual({ error: "Invalid token" });
});

test("a password hashed with other argon2id parameters (e.g. an older release) still logs in", async () => {
  const { users } = await import("../../src/db/schema.ts");
  env.db.update(users).set({ passwordHash: await Bun.password.hash("alice-password", { algorithm: "argon2id", memoryCost: 65536, timeCost: 2 }) }).run();
  expect(await me(await loginToken())).toBe(200);
});

test("an older hash is redone with the current parameters at the next successful login", async () => {
  const { users } = await import("../../src/db/schema.ts");
  env.db.update(users).set({ passwordHash: await Bun.password.hash("alice-password", { algorithm: "argon2id", memoryCost: 65536, timeCost: 2 }) }).run();
  await loginToken();
  expect(env.db.select().from(users).get()!.passwordHash).toStartWith("$argon2id$v=19$m=19456,t=2,p=1$");
});
