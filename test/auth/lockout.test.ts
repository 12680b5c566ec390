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
  // One row per source and window, with a count (src/auth/failure-audit.ts).
  expect(rows.map((r) => r.action)).toEqual(["auth.login_failed", "auth.lockout"]);
  expect(rows.every((r) => r.ip === "198.51.100.7" && r.actorType === "anonymous")).toBe(true);
  expect(rows[0]!.details).toMatchObject({ reason: "unknown user", count: 4 });
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

test("a parallel burst is counted like a sequence: the right password at the end of it is locked out too", async () => {
  const guesses = Array.from({ length: 20 }, (_, i) => login("198.51.100.20", "alice", `guess-${i}`));
  const last = login("198.51.100.20", "alice", "alice-password");
  const results = await Promise.all([...guesses, last]);
  const counts = results.reduce<Record<number, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});
  expect(counts).toEqual({ 401: 3, 429: 18 });
  expect((await last).status).toBe(429);
});

test("knowing the password does not reset the count of wrong codes", async () => {
  const { beginTotp, confirmTotp } = await import("../../src/auth/totp.ts");
  const { codeStepBody } = await import("../helpers/client.ts");
  beginTotp(env.ctx, "alice");
  confirmTotp(env.ctx, "alice", null);
  const wrongCode = async (ip: string) => {
    const secret = (await login(ip, "alice", "alice-password")).body.secret as string;
    return (await fetch(`${base}/api/login`, { method: "POST", body: codeStepBody("alice", "000000", secret, { totp: true }), headers: { ...DART_JSON, "x-forwarded-for": ip } })).status;
  };
  expect([await wrongCode("203.0.113.31"), await wrongCode("203.0.113.32"), await wrongCode("203.0.113.33")]).toEqual([401, 401, 401]);
  expect((await login("203.0.113.34", "alice", "alice-password")).status).toBe(429);
});

test("IPv6 clients are counted and banned by their /64", async () => {
  for (let i = 1; i <= 4; i++) expect((await login(`2001:db8:7:7::${i}`, `u${i}`, "guess")).status).toBe(401);
  expect((await login("2001:db8:7:7:ffff::9", "bob", "bob-password")).status).toBe(429);
  expect((await login("2001:db8:7:8::1", "bob", "bob-password")).status).toBe(200);
  env.advance(16 * MIN);
  for (let i = 1; i <= 4; i++) await login(`2001:db8:7:7::${i + 10}`, `u${i}`, "guess");
  expect(env.db.select().from(bans).get()).toMatchObject({ cidr: "2001:db8:7:7::/64" });
  expect((await fetch(`${base}/healthz`, { headers: { "x-forwarded-for": "2001:db8:7:7:1234::1" } })).status).toBe(403);
});

test("a failure for an unknown login name does not record what was typed", async () => {
  await login("198.51.100.40", "MySecretPassw0rd", "x");
  const row = env.db.select().from(consoleAudit).all().find((r) => r.action === "auth.login_failed")!;
  expect(row.targetName).toBe("(unknown user)");
  expect(JSON.stringify(row)).not.toContain("MySecretPassw0rd");
});
