// Creating, listing, revoking and rotating tokens: hash-only storage, owners, presets, audit rows.
import { expect, test } from "bun:test";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../../src/crypto/tokens.ts";
import { DB_FILE } from "../../src/db/client.ts";
import { authenticateToken } from "../../src/tokens/authenticate.ts";
import { createToken, getToken, listTokens, revokeToken, rotateToken } from "../../src/tokens/service.ts";
import { tokenEnv } from "./_setup.ts";

test("the secret is rdc_ + 43 base62 characters, shown once; the database file holds its hash, never the secret", () => {
  const env = tokenEnv();
  const { token, secret } = createToken(env.ctx, { name: "ci", scopes: { devices: "rw" } });
  expect(secret).toMatch(/^rdc_[0-9A-Za-z]{43}$/);
  expect(token.prefix).toBe(secret.slice(4, 12));
  expect(JSON.stringify(token)).not.toContain(secret);
  expect(JSON.stringify(listTokens(env.ctx))).not.toContain(sha256(secret));
  env.sqlite.run("PRAGMA wal_checkpoint(TRUNCATE)");
  const bytes = [DB_FILE, `${DB_FILE}-wal`].map((f) => join(env.config.data.dir, f)).filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("");
  expect(bytes).toContain(sha256(secret)); // the right file was read
  expect(bytes).not.toContain(secret);
  expect(bytes).not.toContain(secret.slice(4));
  expect(createToken(env.ctx, { name: "ci2", scopes: { devices: "rw" } }).secret).not.toBe(secret);
});

test("the owner: the first enabled administrator by default, or --owner, who must be an enabled administrator", () => {
  const env = tokenEnv();
  expect(createToken(env.ctx, { name: "a", scopes: { admin: "r" } }).token.owner).toBe("alice");
  expect(createToken(env.ctx, { name: "b", scopes: { admin: "r" }, owner: "Carol" }).token.owner).toBe("carol");
  expect(() => createToken(env.ctx, { name: "c", scopes: { admin: "r" }, owner: "bob" })).toThrow("bob is not an administrator");
  expect(() => createToken(env.ctx, { name: "c", scopes: { admin: "r" }, owner: "carl" })).toThrow('user "carl" not found (did you mean "carol"?)');
  expect(() => createToken(env.ctx, { name: "A", scopes: { admin: "r" } })).toThrow('a token named "a" already exists');
  expect(() => createToken(env.ctx, { name: "d", scopes: {} })).toThrow("a token needs at least one scope");
  expect(() => createToken(env.ctx, { name: "bad name", scopes: { admin: "r" } })).toThrow("invalid token name");
});

test("an enrolment key: scope enrol only, presets checked with a hint and stored as spelled, limits", () => {
  const env = tokenEnv();
  const { token } = createToken(env.ctx, {
    name: "frontdesk",
    kind: "enrol",
    presets: { user: "BOB", device_group: "kiosks", strategy: "locked", address_book: "ops TEAM", ab_tag: "kiosk", ab_password: "pw" },
    maxUses: 50,
    lock: true,
    expiresIn: 7 * 86_400_000,
  });
  expect(token).toMatchObject({ kind: "enrol", scopes: { enrol: "rw" }, maxUses: 50, uses: 0, lock: true, state: "active", expiresAt: env.ctx.now() + 7 * 86_400_000 });
  expect(token.presets).toEqual({ user: "bob", device_group: "Kiosks", strategy: "Locked", address_book: "Ops team", ab_tag: "kiosk", ab_password: "pw" });
  const refused = [
    [{ user: "alcie" }, 'user "alcie" not found (did you mean "alice"?)'],
    [{ device_group: "Kiosk" }, 'device group "Kiosk" not found (did you mean "Kiosks"?)'],
    [{ strategy: "Lockd" }, 'strategy "Lockd" not found (did you mean "Locked"?)'],
    [{ address_book: "Ops teem" }, 'shared address book "Ops teem" not found (did you mean "Ops team"?)'],
    [{ ab_tag: "x" }, "need an address book preset"],
  ] as const;
  for (const [presets, message] of refused) expect(() => createToken(env.ctx, { name: "k", kind: "enrol", presets })).toThrow(message);
  expect(() => createToken(env.ctx, { name: "k", kind: "enrol", scopes: { admin: "rw" } })).toThrow("an enrolment key may only enrol");
  expect(() => createToken(env.ctx, { name: "k", kind: "enrol", maxUses: 0 })).toThrow("the use limit must be a whole number");
  expect(() => createToken(env.ctx, { name: "k", scopes: { devices: "r" }, maxUses: 3 })).toThrow("are for enrolment keys");
  expect(env.audit("token.create")).toHaveLength(1);
  expect(env.audit("token.create")[0]!.details).toMatchObject({ kind: "enrol", max_uses: 50, lock: true, presets: { ab_password: "***" } });
});

test("show by name or prefix; revoke and rotate are audited and take effect on the next authentication", () => {
  const env = tokenEnv();
  const { token, secret } = createToken(env.ctx, { name: "ci", scopes: { devices: "rw" } });
  const need = { area: "devices", write: true } as const;
  expect(getToken(env.ctx, `rdc_${token.prefix}`).name).toBe("ci");
  expect(getToken(env.ctx, token.prefix.slice(0, 5)).name).toBe("ci");
  expect(getToken(env.ctx, secret).name).toBe("ci");
  expect(() => getToken(env.ctx, "cj")).toThrow('token "cj" not found (did you mean "ci"?)');

  const rotated = rotateToken(env.ctx, "ci");
  expect(rotated.secret).not.toBe(secret);
  expect(rotated.token).toMatchObject({ name: "ci", scopes: { devices: "rw" }, owner: "alice", guid: token.guid });
  expect(() => authenticateToken(env.ctx, secret, need)).toThrow("invalid API token");
  expect(authenticateToken(env.ctx, rotated.secret, need).token.name).toBe("ci");

  expect(revokeToken(env.ctx, "ci").state).toBe("revoked");
  expect(() => authenticateToken(env.ctx, rotated.secret, need)).toThrow('API token "ci" was revoked');
  expect(() => revokeToken(env.ctx, "ci")).toThrow('API token "ci" is already revoked');
  expect(() => rotateToken(env.ctx, "ci")).toThrow('API token "ci" is revoked; create a new one instead');
  expect(env.audit("token.rotate").map((r) => [r.targetName, r.details.old_prefix, r.details.prefix])).toEqual([["ci", token.prefix, rotated.token.prefix]]);
  expect(env.audit("token.revoke").map((r) => r.targetName)).toEqual(["ci"]);
  // Every audit row of the three verbs: never the secret.
  expect(JSON.stringify([...env.audit("token.create"), ...env.audit("token.rotate"), ...env.audit("token.revoke")])).not.toContain(rotated.secret.slice(4));
});
