// Console sign-in with the e-mailed code (a user with e-mail verification), through a real SMTP server on loopback.
import { afterAll, expect, test } from "bun:test";
import { createUser, updateUser } from "../../src/users/service.ts";
import { CSRF, setCookie } from "../helpers/console.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";
import { lastCode, startSmtp } from "../helpers/smtp.ts";

const smtp = await startSmtp();
const env = testEnv(smtp.config);
afterAll(async () => {
  env.close();
  await smtp.close();
});

test("password → an e-mailed code (masked address) → signed in; a wrong code first: 401", async () => {
  await createUser(env.ctx, { name: "alice", password: "alice-password", email: "alice@example.com" });
  updateUser(env.ctx, "alice", { emailVerification: true });
  const login = (body: unknown) => call(env.app, "POST", "/api/admin/login", { headers: { ...CSRF, "user-agent": "Firefox/140" }, body });
  const first = await login({ login: "alice", password: "alice-password" });
  expect(first.json()).toEqual({ status: "second_step", method: "email", secret: expect.any(String), email: expect.stringMatching(/^a.*@example\.com$/) });
  expect(smtp.received[0]!.data).toContain("Device: Firefox/140");
  const secret = (first.json() as { secret: string }).secret;
  expect((await login({ secret, code: "000000" })).status).toBe(401);
  const done = await login({ secret, code: lastCode(smtp.received, "alice@example.com") });
  expect(done.json()).toMatchObject({ status: "signed_in", profile: { name: "alice" } });
  expect(setCookie(done.headers, "rdc_console")).toBeDefined();
});
