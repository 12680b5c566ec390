// authenticateToken: the one scope check — read vs read-write vs none per area, admin over all, enrolment keys
// only enrol — and the token's and owner's state read at each call.
import { expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { ServiceError } from "../../src/core/errors.ts";
import { apiTokens, consoleAudit } from "../../src/db/schema.ts";
import { authenticateToken, LAST_USED_EVERY_MS } from "../../src/tokens/authenticate.ts";
import { AREAS, type Need, type TokenScopes } from "../../src/tokens/scopes.ts";
import { createToken } from "../../src/tokens/service.ts";
import { deleteUser, disableUser, enableUser, updateUser } from "../../src/users/service.ts";
import { tokenEnv } from "./_setup.ts";

const AREAS_BUT_ADMIN = AREAS.filter((a) => a !== "admin") as Need["area"][];

/** "ok", or the ServiceError's code. */
function outcome(env: ReturnType<typeof tokenEnv>, secret: string, need: Need): string {
  try {
    authenticateToken(env.ctx, secret, need);
    return "ok";
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    return e.code;
  }
}

test("scope matrix: none / r / rw in each area, against read and write in every area", () => {
  const env = tokenEnv();
  for (const area of AREAS_BUT_ADMIN)
    for (const access of ["r", "rw"] as const) {
      const { secret } = createToken(env.ctx, { name: `${area}-${access}`, scopes: { [area]: access } });
      for (const other of AREAS_BUT_ADMIN) {
        const read = outcome(env, secret, { area: other, write: false });
        const write = outcome(env, secret, { area: other, write: true });
        expect([other, read, write]).toEqual(other === area ? [other, "ok", access === "rw" ? "ok" : "FORBIDDEN"] : [other, "FORBIDDEN", "FORBIDDEN"]);
      }
    }
});

test("admin:rw covers every area, admin:r reads every area; an enrolment key only enrols", () => {
  const env = tokenEnv();
  const secrets: Record<string, string> = {
    adminRw: createToken(env.ctx, { name: "admin-rw", scopes: { admin: "rw" } }).secret,
    adminR: createToken(env.ctx, { name: "admin-r", scopes: { admin: "r" } }).secret,
    mixed: createToken(env.ctx, { name: "mixed", scopes: { admin: "r", devices: "rw" } as TokenScopes }).secret,
    enrol: createToken(env.ctx, { name: "frontdesk", kind: "enrol" }).secret,
  };
  for (const area of AREAS_BUT_ADMIN) {
    expect(outcome(env, secrets.adminRw!, { area, write: true })).toBe("ok");
    expect(outcome(env, secrets.adminR!, { area, write: false })).toBe("ok");
    expect(outcome(env, secrets.adminR!, { area, write: true })).toBe("FORBIDDEN");
    expect(outcome(env, secrets.mixed!, { area, write: true })).toBe(area === "devices" ? "ok" : "FORBIDDEN");
    expect(outcome(env, secrets.enrol!, { area, write: true })).toBe(area === "enrol" ? "ok" : "FORBIDDEN");
  }
  expect(() => authenticateToken(env.ctx, secrets.enrol!, { area: "devices", write: false })).toThrow('enrolment key "frontdesk" may not read devices (its scopes: enrol:rw)');
  expect(() => authenticateToken(env.ctx, secrets.adminR!, { area: "groups", write: true })).toThrow('API token "admin-r" may not change user and device groups (its scopes: admin:r)');
});

test("expiry takes effect on the next call; last use is written at most every few minutes", () => {
  const env = tokenEnv();
  const { secret } = createToken(env.ctx, { name: "ci", scopes: { audit: "r" }, expiresIn: 3_600_000 });
  const need = { area: "audit", write: false } as const;
  const lastUsed = () => env.db.select().from(apiTokens).where(eq(apiTokens.name, "ci")).get()!.lastUsedAt;
  const t0 = env.ctx.now();
  expect(authenticateToken(env.ctx, secret, need).owner.name).toBe("alice");
  expect(lastUsed()).toBe(t0);
  env.advance(60_000);
  authenticateToken(env.ctx, secret, need);
  expect(lastUsed()).toBe(t0);
  env.advance(LAST_USED_EVERY_MS);
  authenticateToken(env.ctx, secret, need);
  expect(lastUsed()).toBe(t0 + 60_000 + LAST_USED_EVERY_MS);
  env.advance(3_600_000 - 60_000 - LAST_USED_EVERY_MS - 1);
  expect(outcome(env, secret, need)).toBe("ok");
  env.advance(1);
  expect(() => authenticateToken(env.ctx, secret, need)).toThrow('API token "ci" expired at 2026-11-22T13:00:00Z');
});

test("the owner caps the token: demoted → FORBIDDEN, disabled or deleted → UNAUTHORIZED; checked at each call", () => {
  const env = tokenEnv();
  const { secret } = createToken(env.ctx, { name: "ci", scopes: { admin: "rw" } });
  const need = { area: "users", write: true } as const;
  expect(outcome(env, secret, need)).toBe("ok");
  updateUser(env.ctx, "alice", { isAdmin: false });
  expect(() => authenticateToken(env.ctx, secret, need)).toThrow('API token "ci" acts for alice, who is no longer an administrator');
  expect(outcome(env, secret, need)).toBe("FORBIDDEN");
  updateUser(env.ctx, "alice", { isAdmin: true });
  expect(outcome(env, secret, need)).toBe("ok");
  disableUser(env.ctx, "alice");
  expect(() => authenticateToken(env.ctx, secret, need)).toThrow('API token "ci" acts for alice, who is disabled');
  expect(outcome(env, secret, need)).toBe("UNAUTHORIZED");
  enableUser(env.ctx, "alice");
  expect(outcome(env, secret, need)).toBe("ok");
  deleteUser(env.ctx, "alice");
  expect(() => authenticateToken(env.ctx, secret, need)).toThrow('API token "ci" has no owner any more');
});

test("token.denied rows for a known token refused; none for garbage or an unknown secret", () => {
  const env = tokenEnv();
  const { secret } = createToken(env.ctx, { name: "ci", scopes: { devices: "r" } });
  const denied = () => env.db.select().from(consoleAudit).where(eq(consoleAudit.action, "token.denied")).all();
  for (const garbage of ["", "Bearer x", "rdc_short", `rdc_${"A".repeat(43)}`, `${secret}x`, secret.replace(/.$/, (c) => (c === "a" ? "b" : "a"))])
    expect(() => authenticateToken(env.ctx, garbage, { area: "devices", write: false })).toThrow("invalid API token");
  const before = env.db.select().from(consoleAudit).all().length;
  expect(denied()).toHaveLength(0);
  expect(outcome(env, secret, { area: "devices", write: true })).toBe("FORBIDDEN");
  expect(outcome(env, secret, { area: "users", write: false })).toBe("FORBIDDEN");
  expect(denied().map((r) => [r.targetName, r.details.reason, r.details.area, r.details.write])).toEqual([
    ["ci", "scope", "devices", true],
    ["ci", "scope", "users", false],
  ]);
  expect(env.db.select().from(consoleAudit).all().length).toBe(before + 2);
  expect(JSON.stringify(denied())).not.toContain(secret.slice(4));
});
