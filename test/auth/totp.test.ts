import { beforeEach, describe, expect, test } from "bun:test";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beginTotp, confirmTotp, disableTotp, resetTotp, totpStatus } from "../../src/auth/totp.ts";
import { userTotp } from "../../src/db/schema.ts";
import { ServiceError } from "../../src/core/errors.ts";
import { createUser, findUserRow } from "../../src/users/service.ts";
import { bearer, codeStepBody, DART_JSON, DEVICE, passwordLoginBody, totpCode } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

let env: ReturnType<typeof testEnv>;
let secret: string;
let recovery: string[];

beforeEach(async () => {
  env = testEnv();
  await createUser(env.ctx, { name: "alice", password: "alice-password" });
  secret = beginTotp(env.ctx, "alice").secret;
  recovery = confirmTotp(env.ctx, "alice", totpCode(secret, env.ctx.now()));
  env.advance(30_000); // the confirming code's step is used up
});

const login = (body: string) => call(env.app, "POST", "/api/login", { raw: body, headers: DART_JSON });

async function challenge(device = DEVICE): Promise<string> {
  const r = await login(passwordLoginBody("alice", "alice-password", device));
  expect(r.status).toBe(200);
  return (r.json() as { secret: string }).secret;
}

const step = (code: string, s: string, device = DEVICE) => login(codeStepBody("alice", code, s, { totp: true, device }));

describe("enrolment", () => {
  test("the secret is stored encrypted; the key file is 0600 in the data dir", () => {
    const row = env.db.select().from(userTotp).get()!;
    expect(row.secretEnc).toStartWith("v1.");
    expect(row.secretEnc).not.toContain(secret);
    const keyFile = join(env.config.data.dir, "secret.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64")).toHaveLength(32);
  });

  test("10 distinct recovery codes", () => {
    expect(new Set(recovery).size).toBe(10);
    for (const c of recovery) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  test("a wrong first code does not turn 2FA on", async () => {
    await createUser(env.ctx, { name: "bob", password: "bob-password" });
    const s = beginTotp(env.ctx, "bob").secret;
    const wrong = totpCode(s, env.ctx.now(), 5);
    expect(() => confirmTotp(env.ctx, "bob", wrong)).toThrow(/does not match/);
    expect(totpStatus(env.ctx, findUserRow(env.ctx, "bob")!.id)).toBe("pending");
    // pending: the password alone still logs in
    expect(((await login(passwordLoginBody("bob", "bob-password"))).json() as { type: string }).type).toBe("access_token");
  });

  test("enabling twice is refused; disable and reset turn it off", async () => {
    expect(() => beginTotp(env.ctx, "alice")).toThrow(ServiceError);
    disableTotp(env.ctx, "alice");
    expect(((await login(passwordLoginBody("alice", "alice-password"))).json() as { type: string }).type).toBe("access_token");
    expect(() => disableTotp(env.ctx, "alice")).toThrow(/not on/);
  });
});

describe("login with TOTP", () => {
  test("a current code logs in; codes from the neighbouring steps too (totp_window = 1)", async () => {
    env.advance(60_000); // past the step the enrolment confirmation used
    expect((await step(totpCode(secret, env.ctx.now(), -1), await challenge())).status).toBe(200);
    env.advance(90_000);
    expect((await step(totpCode(secret, env.ctx.now(), 1), await challenge())).status).toBe(200);
  });

  test("a code two steps away is refused", async () => {
    const r = await step(totpCode(secret, env.ctx.now(), 2), await challenge());
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({ error: "Wrong verification code" });
  });

  test("a replayed code is refused, even on a fresh challenge", async () => {
    const code = totpCode(secret, env.ctx.now());
    expect((await step(code, await challenge())).status).toBe(200);
    const again = await step(code, await challenge());
    expect(again.status).toBe(401);
    expect(again.json()).toEqual({ error: "Wrong verification code" });
  });

  test("a recovery code works once, in place of the TOTP code", async () => {
    const code = recovery[3]!.toUpperCase(); // case and dashes do not matter
    expect((await step(code, await challenge())).status).toBe(200);
    expect((await step(code, await challenge())).status).toBe(401);
  });

  test("the challenge secret is single-use", async () => {
    const s = await challenge();
    expect((await step(totpCode(secret, env.ctx.now()), s)).status).toBe(200);
    env.advance(30_000);
    const again = await step(totpCode(secret, env.ctx.now()), s);
    expect(again.status).toBe(401);
    expect(again.json()).toEqual({ error: "This verification is no longer valid; please log in again" });
  });

  test("the challenge expires (auth.email_code_minutes)", async () => {
    const s = await challenge();
    env.advance(10 * 60_000 + 1);
    expect((await step(totpCode(secret, env.ctx.now()), s)).json()).toEqual({ error: "This verification is no longer valid; please log in again" });
  });

  test("the challenge is bound to the device that started it", async () => {
    const s = await challenge();
    const other = { id: "987654321", uuid: DEVICE.uuid };
    expect((await step(totpCode(secret, env.ctx.now()), s, other)).status).toBe(401);
    expect((await step(totpCode(secret, env.ctx.now()), s, { id: DEVICE.id, uuid: "b3RoZXI=" })).status).toBe(401);
    expect((await step(totpCode(secret, env.ctx.now()), s)).status).toBe(200); // still valid for its own device
  });

  test("the challenge is bound to its user name when the client sends one", async () => {
    await createUser(env.ctx, { name: "mallory", password: "mallory-pass" });
    const s = await challenge();
    const r = await login(codeStepBody("mallory", totpCode(secret, env.ctx.now()), s, { totp: true }));
    expect(r.status).toBe(401);
  });

  test("after auth.code_attempts wrong codes the challenge is void", async () => {
    const s = await challenge();
    for (let i = 0; i < 5; i++) expect((await step("000000", s)).json()).toEqual({ error: "Wrong verification code" });
    expect((await step(totpCode(secret, env.ctx.now()), s)).json()).toEqual({ error: "This verification is no longer valid; please log in again" });
  });

  test("reset revokes every session", async () => {
    const r = await step(totpCode(secret, env.ctx.now()), await challenge());
    const token = (r.json() as { access_token: string }).access_token;
    expect(resetTotp(env.ctx, "alice")).toBe(1);
    expect((await call(env.app, "POST", "/api/currentUser", { headers: bearer(token) })).status).toBe(401);
  });
});

describe("edge cases", () => {
  test("a password change voids a pending challenge", async () => {
    const s = await challenge();
    const { setPassword } = await import("../../src/users/service.ts");
    await setPassword(env.ctx, "alice", "another-password");
    expect((await step(totpCode(secret, env.ctx.now()), s)).json()).toEqual({ error: "This verification is no longer valid; please log in again" });
  });

  test("a clock that steps back makes codes wrong, not a 500", async () => {
    env.advance(60_000);
    expect((await step(totpCode(secret, env.ctx.now()), await challenge())).status).toBe(200);
    env.advance(-3 * 60_000);
    const r = await step(totpCode(secret, env.ctx.now()), await challenge());
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({ error: "Wrong verification code" });
  });
});
