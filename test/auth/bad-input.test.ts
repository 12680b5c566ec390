// Whatever arrives at the login endpoints: a 4xx with {"error"}, never a 5xx, nothing written.
import { afterAll, expect, test } from "bun:test";
import { consoleAudit, loginChallenges, sessions } from "../../src/db/schema.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
await createUser(env.ctx, { name: "alice", password: "alice-password" });

const cases: [string, string, number, string | RegExp][] = [
  ["empty body", "", 400, /invalid body|malformed/],
  ["not JSON", "username=alice&password=x", 400, "malformed request body (expected JSON)"],
  ["JSON null", "null", 400, "invalid body: Expected object"],
  ["JSON array", "[]", 400, "invalid body: Expected object"],
  ["JSON string", '"alice"', 400, "invalid body: Expected object"],
  ["username a number", '{"username":5,"password":"x","type":"account"}', 400, /invalid body: .*username/],
  ["deviceInfo a string", '{"username":"a","password":"x","type":"account","deviceInfo":"pc"}', 400, /invalid body: .*deviceInfo/],
  ["autoLogin a string", '{"username":"a","password":"x","type":"account","autoLogin":"yes"}', 400, /invalid body: .*autoLogin/],
  ["missing password", '{"username":"alice","type":"account"}', 400, "username and password are required"],
  ["empty username", '{"username":"","password":"x","type":"account"}', 400, "username and password are required"],
  ["huge username", JSON.stringify({ username: "a".repeat(300), password: "x", type: "account" }), 400, /invalid body: .*username/],
  ["huge password", JSON.stringify({ username: "alice", password: "x".repeat(2000), type: "account" }), 400, /invalid body: .*password/],
  ["unknown type", '{"username":"alice","password":"x","type":"tfa_code"}', 400, 'unsupported login type "tfa_code"'],
  ["sms type", '{"username":"alice","password":"x","type":"sms_code"}', 400, 'unsupported login type "sms_code"'],
  ["oidc type", '{"username":"alice","type":"oidc/github"}', 400, 'unsupported login type "oidc/github"'],
  ["code step without secret", '{"username":"alice","type":"email_code","verificationCode":"123456"}', 400, "secret and verificationCode are required"],
  ["code step with an unknown secret", '{"username":"alice","type":"email_code","verificationCode":"123456","secret":"nope"}', 401, "This verification is no longer valid; please log in again"],
  ["code step with a garbage code", '{"type":"email_code","verificationCode":"💥","secret":"nope"}', 401, "This verification is no longer valid; please log in again"],
];

test.each(cases)("%s → %i", async (_name, raw, status, message) => {
  const r = await call(env.app, "POST", "/api/login", { raw, headers: DART_JSON });
  expect(r.status).toBe(status);
  const body = r.json() as { error: string };
  expect(Object.keys(body)).toEqual(["error"]);
  if (typeof message === "string") expect(body.error).toBe(message);
  else expect(body.error).toMatch(message);
});

test("nothing was written by any of them", () => {
  expect(env.db.select().from(sessions).all()).toEqual([]);
  expect(env.db.select().from(loginChallenges).all()).toEqual([]);
  expect(env.db.select().from(consoleAudit).all().filter((r) => r.action !== "user.create")).toEqual([]);
});

test("unknown keys are ignored (a newer client may send more)", async () => {
  const r = await call(env.app, "POST", "/api/login", { raw: '{"username":"alice","password":"alice-password","type":"account","newField":1,"deviceInfo":{"os":"linux","extra":true}}', headers: DART_JSON });
  expect(r.status).toBe(200);
});

test("explicit nulls (as some clients send) are treated as absent", async () => {
  const r = await call(env.app, "POST", "/api/login", {
    raw: '{"username":"alice","password":"alice-password","id":null,"uuid":null,"autoLogin":true,"type":"account","verificationCode":null,"tfaCode":null,"secret":null,"deviceInfo":null}',
    headers: DART_JSON,
  });
  expect(r.status).toBe(200);
});
