// Brute-force protection end to end, over a real socket behind a "proxy" so each request can come
// from a chosen client IP.
import { afterEach, beforeEach, expect, test } from "bun:test";
import { bans, consoleAudit } from "../../src/db/schema.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";

const MIN = 60_000;
let env: ReturnType<typeof testEnv>;
let server: { stop(force?: boolean): unknown; server: { port?: number } | null };
let base: string;

beforeEach(async () => {
  env = testEnv({ "server.trusted_proxies": "127.0.0.1/32", "lockout.ip_failures": "4", "lockout.account_failures": "3", "lockout.ban_after": "2" });
  await createUser(env.ctx, { name: "alice", password: "alice-password" });
  await createUser(env.ctx, { name: "bob", password: "bob-password" });
  server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${server.server!.port}`;
});
afterEach(() => {
  server.stop(true);
  env.close();
});

async function login(ip: string, user: string, password: string) {
  const r = await fetch(`${base}/api/login`, { method: "POST", body: passwordLoginBody(user, password), headers: { ...DART_JSON, "x-forwarded-for": ip } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

test("an IP past lockout.ip_failures gets 429 without its password being checked; other IPs are fine", async () => {
  for (const user of ["u1", "u2", "u3", "u4"]) expect((await login("198.51.100.1", user, "guess")).status).toBe(401);
  const locked = await login("198.51.100.1", "alice", "alice-password");
  expect(locked).toEqual({ status: 429, body: { error: "Too many attempts, try again in 15 minutes" } });
  expect((await login("198.51.100.2", "alice", "alice-password")).status).toBe(200);
  env.advance(15 * MIN + 1);
  expect((await login("198.51.100.1", "alice", "alice-password")).status).toBe(200);
});

test("an account past lockout.account_failures is locked from every IP; other accounts are not", async () => {
  for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) expect((await login(ip, "alice", "guess")).status).toBe(401);
  expect((await login("203.0.113.50", "alice", "alice-password")).status).toBe(429);
  expect((await login("203.0.113.50", "bob", "bob-password")).status).toBe(200);
});

test("name and e-mail address count as one account", async () => {
  const { updateUser } = await import("../../src/users/service.ts");
  updateUser(env.ctx, "alice", { email: "alice@example.com" });
  await login("203.0.113.1", "alice", "guess");
  await login("203.0.113.2", "ALICE@example.com", "guess");
  await login("203.0.113.3", "alice@example.com", "guess");
  expect((await login("203.0.113.4", "alice", "alice-password")).status).toBe(429);
});

test("failures and lockouts are audited with the IP", async () => {
  for (const user of ["u1", "u2", "u3", "u4"]) await login("198.51.100.7", user, "guess");
  const rows = env.db.select().from(consoleAudit).all().filter((r) => r.action.startsWith("auth."));
  expect(rows.map((r) => r.action)).toEqual(["auth.login_failed", "auth.login_failed", "auth.login_failed", "auth.login_failed", "auth.lockout"]);
  expect(rows.every((r) => r.ip === "198.51.100.7" && r.actorType === "anonymous")).toBe(true);
  expect(rows[0]!.details).toEqual({ reason: "unknown user" });
});

test("an IP locked out lockout.ban_after times is banned from every endpoint until the ban expires", async () => {
  for (let round = 0; round < 2; round++) {
    for (const user of ["u1", "u2", "u3", "u4"]) await login("192.0.2.66", user, "guess");
    env.advance(16 * MIN);
  }
  const ban = env.db.select().from(bans).get()!;
  expect(ban).toMatchObject({ cidr: "192.0.2.66", createdBy: "lockout" });
  const probe = await fetch(`${base}/api/login-options`, { headers: { "x-forwarded-for": "192.0.2.66" } });
  expect(probe.status).toBe(403);
  expect(await probe.json()).toEqual({ error: "Your IP address is banned from this server" });
  expect((await fetch(`${base}/api/login-options`, { headers: { "x-forwarded-for": "192.0.2.67" } })).status).toBe(200);
  env.advance(24 * 60 * MIN);
  expect((await fetch(`${base}/api/login-options`, { headers: { "x-forwarded-for": "192.0.2.66" } })).status).toBe(200);
});

test("wrong second-step codes count as failures too", async () => {
  const { beginTotp, confirmTotp } = await import("../../src/auth/totp.ts");
  beginTotp(env.ctx, "alice");
  confirmTotp(env.ctx, "alice", null);
  const { codeStepBody } = await import("../helpers/client.ts");
  const secret = (await login("198.51.100.9", "alice", "alice-password")).body.secret as string;
  for (let i = 0; i < 3; i++) {
    const r = await fetch(`${base}/api/login`, { method: "POST", body: codeStepBody("alice", "000000", secret, { totp: true }), headers: { ...DART_JSON, "x-forwarded-for": "198.51.100.9" } });
    expect(r.status).toBe(401);
  }
  expect((await login("198.51.100.10", "alice", "alice-password")).status).toBe(429); // the account is locked now
});
