// `user 2fa enable` and `user sso-link` over the admin API: the two 2FA steps (secret and URI once, then a first
// code → recovery codes once; {"confirm": false} at once), a login with the enrolled authenticator, the SSO link
// (audited as token:<name>), and the token matrix (area users).
import { afterAll, describe, expect, test } from "bun:test";
import { checkSecondFactor } from "../../src/auth/totp.ts";
import { listSsoLinks } from "../../src/sso/identity.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { findUserRow } from "../../src/users/service.ts";
import { totpCode } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const PROVIDERS = JSON.stringify([{ name: "kc", issuer: "https://id.example.com", client_id: "a", client_secret: "b" }]);
const env = tokenEnv({ "sso.providers": PROVIDERS });
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const rw = createToken(env.ctx, { name: "people", scopes: { users: "rw" } }).secret;
const ro = createToken(env.ctx, { name: "viewer", scopes: { users: "r" } }).secret;
const other = createToken(env.ctx, { name: "ops", scopes: { devices: "rw", groups: "rw", audit: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { users: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const reply = async (method: string, path: string, body?: unknown, secret = rw) => {
  const r = await call(env.app, method, path, { headers: bearer(secret), body });
  return [r.status, r.json()] as const;
};
const tfa = async (name: string) => ((await reply("GET", `/api/admin/users/${name}`, undefined, ro))[1] as { tfa: string }).tfa;

describe("the token matrix", () => {
  tokenMatrix(
    env.app,
    [
      ["POST", "/api/admin/users/nobody/2fa/enable"],
      ["POST", "/api/admin/users/nobody/2fa/confirm", { code: "123456" }],
      ["POST", "/api/admin/users/nobody/sso-links", { provider: "kc", subject: "x" }],
    ],
    areaCallers({ other, gone, ro }, "users:r"),
  );
});

describe("2fa enable", () => {
  test("step 1 answers the secret and its otpauth URI once (pending); step 2 with a first code turns it on and answers the recovery codes", async () => {
    const [s, begun] = await reply("POST", "/api/admin/users/Bob/2fa/enable");
    expect(s).toBe(200);
    const { secret, uri } = begun as { secret: string; uri: string };
    expect(begun).toEqual({ name: "bob", tfa: "pending", secret: expect.stringMatching(/^[A-Z2-7]{16,}$/), uri: expect.stringMatching(/^otpauth:\/\/totp\/rdconsole:bob\?/) });
    expect(uri).toContain(`secret=${secret}`);
    expect(await tfa("bob")).toBe("pending");
    expect(await reply("POST", "/api/admin/users/bob/2fa/confirm", { code: "000000" })).toEqual([400, { error: "that code does not match; check the authenticator's clock and try again", code: "INVALID_INPUT" }]);
    expect(await tfa("bob")).toBe("pending");
    const [s2, on] = await reply("POST", "/api/admin/users/bob/2fa/confirm", { code: totpCode(secret, env.ctx.now()) });
    expect(s2).toBe(200);
    const codes = (on as { recovery_codes: string[] }).recovery_codes;
    expect(on).toEqual({ name: "bob", tfa: "on", recovery_codes: expect.any(Array) });
    expect(codes).toHaveLength(10);
    expect(await tfa("bob")).toBe("on");
    // The enrolled authenticator and the recovery codes work at login.
    const bob = findUserRow(env.ctx, "bob")!;
    env.advance(60_000);
    expect(checkSecondFactor(env.ctx, bob.id, totpCode(secret, env.ctx.now()))).toBe("totp");
    expect(checkSecondFactor(env.ctx, bob.id, codes[0]!)).toBe("recovery");
    expect(env.audit("user.2fa_enable")).toEqual([expect.objectContaining({ actorName: "token:people", targetName: "bob", details: expect.objectContaining({ confirmed_with_code: true }) })]);
  });

  test("on already → 409; nothing pending → 409; unknown user → 404; users:r may not", async () => {
    expect(await reply("POST", "/api/admin/users/bob/2fa/enable")).toEqual([409, { error: 'two-factor authentication is already on for bob; use "user 2fa reset" first', code: "CONFLICT" }]);
    expect(await reply("POST", "/api/admin/users/carol/2fa/confirm", { code: "123456" })).toEqual([409, { error: 'no pending authenticator for carol; run "user 2fa enable" again', code: "CONFLICT" }]);
    expect((await reply("POST", "/api/admin/users/nobody/2fa/enable"))[0]).toBe(404);
    expect((await reply("POST", "/api/admin/users/carol/2fa/enable", undefined, ro))[0]).toBe(403);
    expect(await tfa("carol")).toBe("off");
  });

  test('{"confirm": false}: on at once, the secret and the recovery codes in the one reply (--no-confirm)', async () => {
    const [s, body] = await reply("POST", "/api/admin/users/carol/2fa/enable", { confirm: false });
    expect(s).toBe(200);
    expect(body).toEqual({ name: "carol", tfa: "on", secret: expect.any(String), uri: expect.stringContaining("otpauth://"), recovery_codes: expect.any(Array) });
    expect(await tfa("carol")).toBe("on");
    const secret = (body as { secret: string }).secret;
    expect(checkSecondFactor(env.ctx, findUserRow(env.ctx, "carol")!.id, totpCode(secret, env.ctx.now()))).toBe("totp");
  });

  test("bad bodies → 400", async () => {
    for (const body of [{ confirm: "no" }, { other: 1 }]) expect((await reply("POST", "/api/admin/users/alice/2fa/enable", body))[0]).toBe(400);
    for (const body of [{}, { code: 123456 }, { code: "" }]) expect((await reply("POST", "/api/admin/users/alice/2fa/confirm", body))[0]).toBe(400);
    expect(await tfa("alice")).toBe("off");
  });
});

describe("sso-link", () => {
  test("links a user to an identity at a configured provider → 201 with the link; audited as token:<name>", async () => {
    const [s, link] = await reply("POST", "/api/admin/users/alice/sso-links", { provider: "kc", subject: "sub-123" });
    expect([s, link]).toEqual([201, { guid: expect.any(String), provider: "kc", issuer: "https://id.example.com", subject: "sub-123", email: "", created_at: expect.any(String), last_login_at: null }]);
    expect(listSsoLinks(env.ctx, "alice").map((l) => l.subject)).toEqual(["sub-123"]);
    expect(env.audit("user.sso_link")).toEqual([expect.objectContaining({ actorName: "token:people", targetName: "alice", details: expect.objectContaining({ provider: "kc", subject: "sub-123", by_hand: true }) })]);
    expect(((await reply("GET", "/api/admin/users/alice/sso-links", undefined, ro))[1] as { total: number }).total).toBe(1);
  });

  test("the CLI's refusals: unknown provider 404, identity taken 409, unknown user 404, bad body 400", async () => {
    expect(await reply("POST", "/api/admin/users/alice/sso-links", { provider: "nope", subject: "x" })).toEqual([404, { error: 'no SSO provider "nope" in the configuration', code: "NOT_FOUND" }]);
    expect(await reply("POST", "/api/admin/users/bob/sso-links", { provider: "kc", subject: "sub-123" })).toEqual([409, { error: "that identity is linked to another user; unlink it there first", code: "CONFLICT" }]);
    expect(await reply("POST", "/api/admin/users/alice/sso-links", { provider: "kc", subject: "sub-123" })).toEqual([409, { error: 'user "alice" is already linked to that identity', code: "CONFLICT" }]);
    expect((await reply("POST", "/api/admin/users/nobody/sso-links", { provider: "kc", subject: "y" }))[0]).toBe(404);
    for (const body of [{ provider: "kc" }, { provider: "kc", subject: "" }, { provider: "kc", subject: "y", extra: 1 }]) expect((await reply("POST", "/api/admin/users/alice/sso-links", body))[0]).toBe(400);
    expect(listSsoLinks(env.ctx, "bob")).toEqual([]);
  });
});
