// First run from a browser: `serve` with no administrator prints a one-time setup code and writes it to
// <data dir>/setup-code (0600); POST /api/admin/setup with it creates the first administrator and signs
// them in; wrong codes are refused and count towards the IP's lockout; afterwards the code is void.
import { afterAll, expect, test } from "bun:test";
import { createConsola, LogLevels } from "consola";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeSetupCode } from "../../src/lifecycle/setup-code.ts";
import { startServer } from "../../src/server.ts";
import { createUser } from "../../src/users/service.ts";
import { CSRF, setCookie } from "../helpers/console.ts";
import { testConfig, testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const lines: string[] = [];
const log = createConsola({ level: LogLevels.info, reporters: [{ log: (o) => lines.push(o.args.map(String).join(" ")) }] });
const config = testConfig({ "server.host": "127.0.0.1", "server.port": "0", "server.trusted_proxies": "127.0.0.1/32", "lockout.ip_failures": "3" });
const loaded = { config, file: null, sources: {} };
let server = await startServer(loaded, log);
afterAll(() => server.stop());

const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const r = await fetch(`${server.url}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...CSRF, ...headers } });
  return { status: r.status, headers: r.headers, json: (await r.json()) as Record<string, unknown> };
};
const status = async () => (await (await fetch(`${server.url}/api/admin/setup/status`)).json()) as { needs_setup: boolean };
const file = join(config.data.dir, "setup-code");
const from = (ip: string) => ({ "x-forwarded-for": ip });

test("serve prints the code and writes it to <data dir>/setup-code, 0600", async () => {
  const code = readFileSync(file, "utf8").trim();
  expect(code).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const hint = lines.find((l) => l.includes("no admin user yet"))!;
  expect(hint).toContain(`at ${server.url}/console/ with the one-time setup code ${code} (also in ${file})`);
  expect(await status()).toEqual({ needs_setup: true });
});

test("a wrong or missing code is refused (403) and counts towards the IP's lockout", async () => {
  const body = { name: "root", password: "root-password-1" };
  expect(await post("/api/admin/setup", { ...body, setup_code: "AAAAA-BBBBB-CCCCC-DDDDD" }, from("198.51.100.7"))).toMatchObject({
    status: 403,
    json: { error: "wrong setup code; it is in the server's log and in <data dir>/setup-code", code: "FORBIDDEN" },
  });
  expect((await post("/api/admin/setup", body, from("198.51.100.7"))).status).toBe(403);
  expect((await post("/api/admin/setup", { ...body, setup_code: "nope" }, from("198.51.100.7"))).status).toBe(403);
  // Locked out now: even the right code is not looked at from there.
  const code = readFileSync(file, "utf8").trim();
  expect(await post("/api/admin/setup", { ...body, setup_code: code }, from("198.51.100.7"))).toMatchObject({ status: 429, json: { code: "TOO_MANY_REQUESTS" } });
  // Without the CSRF header: refused before anything else.
  const r = await fetch(`${server.url}/api/admin/setup`, { method: "POST", body: JSON.stringify({ ...body, setup_code: code }), headers: { "content-type": "application/json" } });
  expect(r.status).toBe(403);
  expect(await status()).toEqual({ needs_setup: true });
  expect(existsSync(file)).toBe(true);
});

test("the right code creates the first administrator, signs them in, and is void afterwards", async () => {
  const code = readFileSync(file, "utf8").trim();
  // Typed by a person: case and dashes do not matter.
  const r = await post("/api/admin/setup", { setup_code: code.toLowerCase().replaceAll("-", " "), name: "root", password: "root-password-1", email: "root@example.com" }, from("198.51.100.8"));
  expect(r.status).toBe(201);
  expect(r.json).toMatchObject({ status: "signed_in", profile: { name: "root", email: "root@example.com", is_admin: true, tfa: "off", totp_required: false } });
  const cookie = setCookie(r.headers, "rdc_console")!;
  expect(cookie.line).toBe(`rdc_console=${cookie.value}; Path=/; HttpOnly; SameSite=Strict`);
  expect(existsSync(file)).toBe(false);
  expect(await status()).toEqual({ needs_setup: false });
  const me = await fetch(`${server.url}/api/admin/profile`, { headers: { cookie: `rdc_console=${cookie.value}` } });
  expect(((await me.json()) as { name: string }).name).toBe("root");
  // A second setup, even with the old code: refused.
  expect(await post("/api/admin/setup", { setup_code: code, name: "mallory", password: "mallory-password" }, from("198.51.100.9"))).toMatchObject({
    status: 409,
    json: { error: "this server already has an administrator; sign in instead", code: "CONFLICT" },
  });
});

test("a restart with an administrator writes no code and prints no hint", async () => {
  await server.stop();
  lines.length = 0;
  server = await startServer(loaded, log);
  expect(existsSync(file)).toBe(false);
  expect(lines.some((l) => l.includes("no admin user yet"))).toBe(false);
  expect(await status()).toEqual({ needs_setup: false });
});

test("an administrator made with the CLI while serve runs voids the code at the next setup attempt", async () => {
  const env = testEnv();
  const code = writeSetupCode(env.config.data.dir);
  const setup = () => call(env.app, "POST", "/api/admin/setup", { headers: CSRF, body: { setup_code: code, name: "late", password: "late-password" } });
  expect((await call(env.app, "GET", "/api/admin/setup/status")).json()).toEqual({ needs_setup: true });
  await createUser(env.ctx, { name: "admin", password: "admin-password", isAdmin: true });
  expect((await call(env.app, "GET", "/api/admin/setup/status")).json()).toEqual({ needs_setup: false });
  expect((await setup()).status).toBe(409);
  expect(existsSync(join(env.config.data.dir, "setup-code"))).toBe(false);
  env.close();
});
