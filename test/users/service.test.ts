import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { consoleAudit, users } from "../../src/db/schema.ts";
import { ServiceError } from "../../src/core/errors.ts";
import { createUser, deleteUser, disableUser, enableUser, getUser, hasActiveAdmin, listUsers, setPassword } from "../../src/users/service.ts";
import { testEnv } from "../helpers/env.ts";

let env: ReturnType<typeof testEnv>;
beforeEach(() => {
  env = testEnv();
});
afterEach(() => env.close());

const audit = () => env.db.select().from(consoleAudit).all().map((r) => `${r.action} ${r.targetName} by ${r.actorType}`);

async function rejects(p: Promise<unknown> | (() => unknown), code: string, message: RegExp) {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError);
    expect((e as ServiceError).code).toBe(code as never);
    expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error("expected a ServiceError");
}

describe("createUser", () => {
  test("stores an argon2id hash, a UUID guid, and an audit row in the same transaction", async () => {
    const u = await createUser(env.ctx, { name: "alice", password: "correct horse", email: "Alice@Example.com", isAdmin: true });
    expect(u.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u).toMatchObject({ name: "alice", email: "Alice@Example.com", isAdmin: true, status: 1, hasPassword: true });
    const row = env.db.select().from(users).get()!;
    expect(row.passwordHash).toStartWith("$argon2id$v=19$m=19456,t=2,p=1$");
    expect(await Bun.password.verify("correct horse", row.passwordHash!)).toBe(true);
    expect(audit()).toEqual(["user.create alice by cli"]);
  });

  test("names are unique regardless of case; so are e-mail addresses", async () => {
    await createUser(env.ctx, { name: "alice", password: "password1", email: "a@example.com" });
    await rejects(createUser(env.ctx, { name: "ALICE", password: "password1" }), "CONFLICT", /a user named "alice" already exists/);
    await rejects(createUser(env.ctx, { name: "bob", password: "password1", email: "A@EXAMPLE.COM" }), "CONFLICT", /e-mail address/);
    expect(listUsers(env.ctx).map((u) => u.name)).toEqual(["alice"]);
    expect(audit()).toEqual(["user.create alice by cli"]);
  });

  test.each([
    ["", /invalid user name/],
    ["-", /invalid user name/],
    ["has space", /invalid user name/],
    ["x".repeat(65), /invalid user name/],
    ["ünïcode", /invalid user name/],
  ])("rejects the name %p", async (name, message) => {
    await rejects(createUser(env.ctx, { name, password: "password1" }), "INVALID_INPUT", message);
  });

  test("password policy: configurable minimum, a maximum, not blank", async () => {
    await rejects(createUser(env.ctx, { name: "a", password: "short" }), "INVALID_INPUT", /at least 8 characters/);
    await rejects(createUser(env.ctx, { name: "a", password: "x".repeat(1025) }), "INVALID_INPUT", /at most 1024/);
    await rejects(createUser(env.ctx, { name: "a", password: "          " }), "INVALID_INPUT", /only spaces/);
    const strict = testEnv({ "auth.password_min_length": "12" });
    await rejects(createUser(strict.ctx, { name: "a", password: "elevenchars" }), "INVALID_INPUT", /at least 12/);
    strict.close();
  });

  test("other fields are checked", async () => {
    await rejects(createUser(env.ctx, { name: "a", password: "password1", email: "nope" }), "INVALID_INPUT", /invalid e-mail/);
    await rejects(createUser(env.ctx, { name: "a", password: "password1", displayName: "x\u0007" }), "INVALID_INPUT", /control characters/);
    await rejects(createUser(env.ctx, { name: "a", password: "password1", note: "x".repeat(2001) }), "INVALID_INPUT", /too long/);
  });

  test("a user without a password", async () => {
    const u = await createUser(env.ctx, { name: "sso-only", password: null });
    expect(u.hasPassword).toBe(false);
  });
});

describe("other verbs", () => {
  beforeEach(async () => {
    await createUser(env.ctx, { name: "alice", password: "password1", isAdmin: true });
  });

  test("getUser finds by name case-insensitively; unknown → NOT_FOUND", async () => {
    expect(getUser(env.ctx, "ALICE").name).toBe("alice");
    await rejects(() => getUser(env.ctx, "nobody"), "NOT_FOUND", /user "nobody" not found/);
  });

  test("setPassword replaces the hash and is audited", async () => {
    await setPassword(env.ctx, "alice", "a new password");
    const row = env.db.select().from(users).get()!;
    expect(await Bun.password.verify("a new password", row.passwordHash!)).toBe(true);
    await rejects(setPassword(env.ctx, "alice", "short"), "INVALID_INPUT", /too short/);
    await rejects(setPassword(env.ctx, "ghost", "long enough"), "NOT_FOUND", /not found/);
    expect(audit()).toEqual(["user.create alice by cli", "user.password alice by cli"]);
  });

  test("disable / enable flip status once; repeating is a no-op without a second audit row", () => {
    env.advance(1000);
    // alice is the only administrator: taking her away is refused (src/users/admins.ts).
    expect(() => disableUser(env.ctx, "alice")).toThrow(/alice is the last enabled administrator and cannot be disabled/);
    env.db.update(users).set({ isAdmin: false }).run();
    expect(disableUser(env.ctx, "alice").status).toBe(0);
    expect(disableUser(env.ctx, "alice").status).toBe(0);
    expect(enableUser(env.ctx, "alice").status).toBe(1);
    expect(hasActiveAdmin(env.ctx)).toBe(false);
    expect(getUser(env.ctx, "alice").updatedAt).toBe(Date.parse("2026-11-22T12:00:01Z"));
    expect(audit()).toEqual(["user.create alice by cli", "user.disable alice by cli", "user.enable alice by cli"]);
  });

  test("deleteUser removes the row; the audit trail keeps the name", async () => {
    await rejects(() => deleteUser(env.ctx, "alice"), "CONFLICT", /last enabled administrator and cannot be deleted/);
    await createUser(env.ctx, { name: "root", password: "password1", isAdmin: true });
    deleteUser(env.ctx, "alice");
    expect(listUsers(env.ctx).map((u) => u.name)).toEqual(["root"]);
    await rejects(() => deleteUser(env.ctx, "alice"), "NOT_FOUND", /not found/);
    expect(audit()).toEqual(["user.create alice by cli", "user.create root by cli", "user.delete alice by cli"]);
  });
});
