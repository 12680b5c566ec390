// E-mailed login codes, delivered through a real SMTP server on loopback.
import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { loginChallenges, users } from "../../src/db/schema.ts";
import { setTotpEnforced } from "../../src/users/pro.ts";
import { createUser, getUser, updateUser } from "../../src/users/service.ts";
import { runCli } from "../helpers/cli.ts";
import { bearer, codeStepBody, DART_JSON, DEVICE, passwordLoginBody } from "../helpers/client.ts";
import { tempDir, testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";
import { lastCode, startSmtp } from "../helpers/smtp.ts";

const smtp = await startSmtp();
afterAll(() => smtp.close());

let env: ReturnType<typeof testEnv>;
beforeEach(async () => {
  smtp.received.length = 0;
  env = testEnv(smtp.config);
  await createUser(env.ctx, { name: "alice", password: "alice-password", email: "alice@example.com" });
});

const login = (body: string) => call(env.app, "POST", "/api/login", { raw: body, headers: DART_JSON });
const OTHER_DEVICE = { id: "555666777", uuid: "bmV3LWRldmljZQ==" };

describe("per-user e-mail verification", () => {
  beforeEach(() => void updateUser(env.ctx, "alice", { emailVerification: true }));

  test("challenge with the masked address; the mailed code completes the login", async () => {
    const r = await login(passwordLoginBody("alice", "alice-password"));
    expect(r.status).toBe(200);
    const challenge = r.json() as Record<string, unknown> & { secret: string };
    expect(challenge).toEqual({ type: "email_check", tfa_type: "email_check", secret: challenge.secret, access_token: "", user: { name: "alice", email: "a***@example.com", info: {} } });

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["alice@example.com"]);
    expect(smtp.received[0]!.from).toBe("rd@example.com");
    expect(smtp.received[0]!.data).toContain("Device: ALICE-PC (windows)");
    const code = lastCode(smtp.received, "alice@example.com");

    // The client's e-mail code step has no tfaCode (login.dart:1016-1024).
    const done = await login(codeStepBody("alice", code, challenge.secret, { totp: false }));
    expect(done.status).toBe(200);
    const token = (done.json() as { access_token: string }).access_token;
    expect((await call(env.app, "POST", "/api/currentUser", { headers: bearer(token) })).status).toBe(200);
  });

  test("the code is single-use, expires, and a wrong one counts", async () => {
    const first = (await login(passwordLoginBody("alice", "alice-password"))).json() as { secret: string };
    const code = lastCode(smtp.received, "alice@example.com");
    expect((await login(codeStepBody("alice", "000000" === code ? "111111" : "000000", first.secret, { totp: false }))).json()).toEqual({ error: "Wrong verification code" });
    expect((await login(codeStepBody("alice", code, first.secret, { totp: false }))).status).toBe(200);
    expect((await login(codeStepBody("alice", code, first.secret, { totp: false }))).status).toBe(401);

    const second = (await login(passwordLoginBody("alice", "alice-password"))).json() as { secret: string };
    const code2 = lastCode(smtp.received, "alice@example.com");
    env.advance(10 * 60_000 + 1);
    expect((await login(codeStepBody("alice", code2, second.secret, { totp: false }))).json()).toEqual({ error: "This verification is no longer valid; please log in again" });
  });

  test("TOTP enforced while the code is on its way: the code step is refused with the set-up message; enforced first: no mail at all", async () => {
    const r = (await login(passwordLoginBody("alice", "alice-password"))).json() as { secret: string };
    const code = lastCode(smtp.received, "alice@example.com");
    setTotpEnforced(env.ctx, [getUser(env.ctx, "alice").guid], true, "https://console.example.com");
    const refused = await login(codeStepBody("alice", code, r.secret, { totp: false }));
    expect([refused.status, refused.json()]).toEqual([403, { error: "Two-factor authentication (TOTP) is required for this account: set it up at https://console.example.com, then log in again" }]);
    expect((await login(passwordLoginBody("alice", "alice-password"))).status).toBe(403);
    expect(smtp.received).toHaveLength(1);
  });

  test("only a hash of the code is stored", async () => {
    await login(passwordLoginBody("alice", "alice-password"));
    const code = lastCode(smtp.received, "alice@example.com");
    const row = env.db.select().from(loginChallenges).get()!;
    expect(row.codeHash).not.toContain(code);
    expect(row.codeHash).toHaveLength(64);
  });

  test("without an address the login is refused with a clear message", async () => {
    // updateUser refuses to clear the address while verification is on: a database from before that rule.
    env.db.update(users).set({ email: "" }).run();
    const r = await login(passwordLoginBody("alice", "alice-password"));
    expect(r.status).toBe(403);
    expect(r.json()).toEqual({ error: "This account needs an e-mailed code but has no e-mail address; ask an administrator" });
  });

  test("SMTP down → 503 with a message, and no challenge is left behind", async () => {
    const down = testEnv({ ...smtp.config, "smtp.port": "1", "smtp.timeout_seconds": "2" });
    await createUser(down.ctx, { name: "bob", password: "bob-password", email: "bob@example.com" });
    updateUser(down.ctx, "bob", { emailVerification: true });
    const r = await call(down.app, "POST", "/api/login", { raw: passwordLoginBody("bob", "bob-password"), headers: DART_JSON });
    expect(r.status).toBe(503);
    expect(r.json()).toEqual({ error: "the e-mail could not be sent; ask an administrator to check the SMTP settings" });
    expect(down.db.select().from(loginChallenges).all()).toEqual([]);
    down.close();
  });
});

describe("auth.verify_new_devices", () => {
  test("a new device gets an e-mailed code once; after that it is known", async () => {
    const e = testEnv({ ...smtp.config, "auth.verify_new_devices": "true" });
    await createUser(e.ctx, { name: "carol", password: "carol-password", email: "carol@example.com" });
    await createUser(e.ctx, { name: "dave", password: "dave-password" }); // no address: not asked
    const login2 = (body: string) => call(e.app, "POST", "/api/login", { raw: body, headers: DART_JSON });

    const first = (await login2(passwordLoginBody("carol", "carol-password", OTHER_DEVICE))).json() as { type: string; secret: string };
    expect(first.type).toBe("email_check");
    const done = await login2(codeStepBody("carol", lastCode(smtp.received, "carol@example.com"), first.secret, { totp: false, device: OTHER_DEVICE }));
    expect(done.status).toBe(200);
    expect(((await login2(passwordLoginBody("carol", "carol-password", OTHER_DEVICE))).json() as { type: string }).type).toBe("access_token");
    expect(((await login2(passwordLoginBody("carol", "carol-password", DEVICE))).json() as { type: string }).type).toBe("email_check");
    expect(((await login2(passwordLoginBody("dave", "dave-password"))).json() as { type: string }).type).toBe("access_token");
    e.close();
  });
});

test("rdconsole smtp test sends a message; failures are one line", async () => {
  const dir = tempDir();
  const file = `${dir}/rdconsole.toml`;
  await Bun.write(file, `[smtp]\nhost = "127.0.0.1"\nport = ${smtp.port}\nsecurity = "none"\nfrom = "rd@example.com"\n`);
  const r = await runCli(["smtp", "test", "admin@example.com", "--config", file]);
  expect(r).toEqual({ code: 0, stdout: `sent a test message to admin@example.com via 127.0.0.1:${smtp.port}\n`, stderr: "" });
  expect(smtp.received.at(-1)!.data).toContain("E-mail works.");
  await Bun.write(file, `[smtp]\nhost = "127.0.0.1"\nport = 1\nsecurity = "none"\nfrom = "rd@example.com"\ntimeout_seconds = 2\n`);
  const bad = await runCli(["smtp", "test", "admin@example.com", "--config", file]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toStartWith("error: sending failed: ");
});

test("SMTP authentication: the configured user and password are used", async () => {
  const authed = await startSmtp({ user: "mailer", password: "s3cret" });
  const dir = tempDir();
  const file = `${dir}/rdconsole.toml`;
  const conf = (password: string) => `[smtp]\nhost = "127.0.0.1"\nport = ${authed.port}\nsecurity = "none"\nfrom = "rd@example.com"\nuser = "mailer"\npassword = "${password}"\ntimeout_seconds = 5\n`;
  await Bun.write(file, conf("s3cret"));
  expect((await runCli(["smtp", "test", "admin@example.com", "--config", file])).code).toBe(0);
  expect(authed.received).toHaveLength(1);
  await Bun.write(file, conf("wrong"));
  const bad = await runCli(["smtp", "test", "admin@example.com", "--config", file]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("Invalid username or password");
  await authed.close();
});
