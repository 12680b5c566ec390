// The admin API's settings (/api/admin/settings): every key with value, default and source (default,
// file, console, env, flag); a partial PUT with human values, checked all at once; keys pinned by env or a
// flag refused; runtime keys in force at once on the same running app; restart keys reported; audited.
import { afterAll, describe, expect, test } from "bun:test";
import { call } from "../helpers/http.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { settingsEnv } from "../settings/_env.ts";

const env = await settingsEnv('[smtp]\npassword = "file-smtp-password"\n');
afterAll(() => env.close());
const { ADMIN, READER, OTHER, GONE } = env.tokens;

interface Setting {
  key: string;
  value: unknown;
  default: unknown;
  source: string;
  runtime: boolean;
  restart_pending: boolean;
  editable: boolean;
  read_only_reason?: string;
  unit?: string;
  secret: boolean;
  description: string;
}
const list = async () => ((await env.as(READER, "GET", "/api/admin/settings")).json() as { total: number; data: Setting[] }).data;
const one = async (key: string) => (await list()).find((s) => s.key === key)!;
const put = (body: unknown) => env.as(ADMIN, "PUT", "/api/admin/settings", body);

describe("the token matrix", () => {
  tokenMatrix(env.app, [["GET", "/api/admin/settings"], ["GET", "/api/admin/settings/lockout.minutes"], ["PUT", "/api/admin/settings", { "lockout.window_minutes": 15 }]], areaCallers({ other: OTHER, gone: GONE, ro: READER }, "admin:r"));
});

test("every setting, with its value, default, source, runtime flag and description", async () => {
  const all = await list();
  expect(all.length).toBeGreaterThan(70);
  expect(await one("lockout.account_failures")).toMatchObject({ value: 4, default: 5, source: "file", runtime: true, editable: true, restart_pending: false });
  expect(await one("lockout.minutes")).toMatchObject({ value: 15, source: "default", unit: "minutes" });
  expect(await one("recording.device_quota")).toMatchObject({ unit: "bytes" });
  expect((await one("lockout.account_failures")).unit).toBeUndefined();
  expect(await one("lockout.ban_hours")).toMatchObject({ value: 48, source: "env", editable: false, read_only_reason: expect.stringContaining("RDCONSOLE_LOCKOUT_BAN_HOURS") });
  expect(await one("server.port")).toMatchObject({ value: 0, source: "flag", runtime: false, editable: false });
  expect(await one("data.dir")).toMatchObject({ editable: false, read_only_reason: expect.stringContaining("config file") });
  expect(await one("auth.secret_key")).toMatchObject({ editable: false, read_only_reason: expect.stringContaining("never stored there") });
  expect(await one("smtp.password")).toMatchObject({ value: "***", default: "", secret: true, source: "file" });
  expect((await one("devices.registration")).description).toContain("approval");
  expect(JSON.stringify(all)).not.toContain("file-smtp-password");
  expect((await env.as(READER, "GET", "/api/admin/settings/lockout.minutes")).json()).toMatchObject({ key: "lockout.minutes", value: 15 });
  expect((await env.as(READER, "GET", "/api/admin/settings/lockout.minute")).json()).toEqual({ error: 'unknown setting "lockout.minute" — did you mean "lockout.minutes"?', code: "NOT_FOUND" });
});

test("a partial PUT changes only the keys sent; source console; null drops it again", async () => {
  const before = await list();
  const r = await put({ "address_book.max_tags": 42 });
  expect(r.status).toBe(200);
  expect(r.json()).toMatchObject({ changed: ["address_book.max_tags"], restart_required: [], settings: [{ key: "address_book.max_tags", value: 42, source: "console" }] });
  const after = await list();
  expect(after.filter((s) => s.key !== "address_book.max_tags")).toEqual(before.filter((s) => s.key !== "address_book.max_tags"));
  expect((await put({ "address_book.max_tags": null })).json()).toMatchObject({ changed: ["address_book.max_tags"] });
  expect(await one("address_book.max_tags")).toMatchObject({ value: 500, source: "default" });
  expect((await put({ "address_book.max_tags": null })).json()).toMatchObject({ changed: [] });
});

test.each([
  ["lockout.minutes", "90m", 90],
  ["lockout.minutes", "0.5 d", 720],
  ["devices.sysinfo_max_age_hours", "1.5 d", 36],
  ["lockout.window_minutes", "2h", 120],
  ["audit.conn_days", "2 w", 14],
  ["audit.conn_days", "30", 30],
  ["audit.conn_days", 7, 7],
  ["recording.device_quota", "15 mb", 15_000_000],
  ["recording.device_quota", "1.5GiB", 1.5 * 1024 ** 3],
  ["recording.total_quota", "3 gb", 3e9],
  ["auth.verify_new_devices", true, true],
  ["devices.registration", "approval", "approval"],
  ["server.cors_origins", ["https://a.example"], ["https://a.example"]],
  ["server.cors_origins", "https://a.example, https://b.example", ["https://a.example", "https://b.example"]],
])("human value: %s = %p → %p", async (key, value, want) => {
  const r = await put({ [key]: value });
  expect(r.status).toBe(200);
  expect(await one(key)).toMatchObject({ value: want, source: "console" });
  await put({ [key]: null });
});

test("bad values → 400 naming every problem at once, with did-you-mean hints; nothing saved", async () => {
  const r = await put({ "lockout.minutes": "3 fortnights", "audit.conn_days": "1.5 d", "recording.device_quota": "lots", "lockout.minute": 3, "devices.registration": "sometimes", "data.dir": "/tmp/x" });
  expect(r.status).toBe(400);
  const { error, code } = r.json() as { error: string; code: string };
  expect(code).toBe("INVALID_INPUT");
  for (const part of ["lockout.minutes: expected a number of minutes or a duration", 'audit.conn_days: "1.5 d" is not a whole number of days', "recording.device_quota: expected a size", 'lockout.minute: unknown setting — did you mean "lockout.minutes"?', "devices.registration: expected one of open, approval, closed", "data.dir: set in the config file"])
    expect(error).toContain(part);
  expect(await one("lockout.minutes")).toMatchObject({ value: 15, source: "default" });
  expect((await put({ "notify.device_emails": ["ops@example.com"] })).json()).toEqual({ error: "notify: e-mail recipients need smtp.host", code: "INVALID_INPUT" });
  expect((await put({ "smtp.host": "mail.example.com" })).json()).toEqual({ error: "smtp.from: required when smtp.host is set", code: "INVALID_INPUT" });
  expect((await put({})).status).toBe(400);
  expect((await put({ "lockout.minutes": { nested: 1 } })).status).toBe(400);
});

test("a key pinned by the environment or a flag is read-only: 409 saying where to change it", async () => {
  const r = await put({ "lockout.ban_hours": "72" });
  expect(r.status).toBe(409);
  expect(r.json()).toEqual({ error: "lockout.ban_hours: pinned by the environment variable RDCONSOLE_LOCKOUT_BAN_HOURS; change it there", code: "CONFLICT" });
  expect((await put({ "server.port": 8080 })).json()).toMatchObject({ code: "CONFLICT", error: expect.stringContaining("command-line flag") });
  expect(await one("lockout.ban_hours")).toMatchObject({ value: 48, source: "env" });
});

test("a runtime key takes effect on the running app: lockout.account_failures changes when a login locks", async () => {
  const login = (password: string) => call(env.app, "POST", "/api/login", { raw: passwordLoginBody("bob", password), headers: DART_JSON });
  expect((await put({ "lockout.account_failures": 2 })).json()).toMatchObject({ changed: ["lockout.account_failures"], restart_required: [] });
  expect((await login("guess-1")).status).toBe(401);
  expect((await login("guess-2")).status).toBe(401);
  expect((await login("bob-password")).status).toBe(429); // the file's 4 would still let bob in
  expect(env.live.config.lockout.account_failures).toBe(2);
  await put({ "lockout.account_failures": null });
  expect(env.live.config.lockout.account_failures).toBe(4);
});

test("keys read at start are saved and reported as needing a restart; the running server keeps the old value", async () => {
  const r = await put({ "devices.offline_after_seconds": "2m", "lockout.ip_failures": 9 });
  expect(r.json()).toMatchObject({ changed: ["devices.offline_after_seconds", "lockout.ip_failures"], restart_required: ["devices.offline_after_seconds"] });
  expect(await one("devices.offline_after_seconds")).toMatchObject({ value: 120, source: "console", runtime: false, restart_pending: true });
  expect(env.live.config.devices.offline_after_seconds).toBe(45);
  expect(env.live.config.lockout.ip_failures).toBe(9);
  await put({ "devices.offline_after_seconds": null, "lockout.ip_failures": null });
  expect(await one("devices.offline_after_seconds")).toMatchObject({ restart_pending: false });
});

test("every change is a console-audit row with the old and new value, secrets masked", async () => {
  await put({ "smtp.password": "new-smtp-password", "lockout.minutes": "1h" });
  await put({ "lockout.minutes": null });
  const set = env.audit("setting.set").map((a) => [a.actorName, a.targetName, a.details]);
  expect(set).toContainEqual(["token:root", "smtp.password", { old: "***", new: "***", runtime: true }]);
  expect(set).toContainEqual(["token:root", "lockout.minutes", { old: 15, new: 60, runtime: true }]);
  expect(env.audit("setting.unset").map((a) => [a.targetName, a.details])).toContainEqual(["lockout.minutes", { old: 60, new: 15, runtime: true }]);
  expect(JSON.stringify(env.audit("setting.set"))).not.toContain("new-smtp-password");
  expect(env.live.config.smtp.password).toBe("new-smtp-password");
});

test("server.body_limit changes at runtime: a body past the new limit gets 413 at once", async () => {
  const big = { "server.cors_origins": Array.from({ length: 80 }, (_, i) => `https://host-${i}.example.com`) }; // ≈ 2.6 KB
  expect((await put({ "server.body_limit": "2KiB" })).json()).toMatchObject({ changed: ["server.body_limit"], restart_required: [] });
  const body = JSON.stringify(big);
  expect(body.length).toBeGreaterThan(2048);
  // Declared (the gate) and chunked (read within the limit):
  const sized = await env.app.handle(new Request("http://localhost/api/admin/settings", { method: "PUT", body, headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json", "content-length": String(body.length) } }));
  expect(sized.status).toBe(413);
  expect(await sized.json()).toEqual({ error: "request body too large (limit 2048 bytes)" });
  const r = await put(big);
  expect(r.status).toBe(413);
  expect((r.json() as { error: string }).error).toBe("request body too large (limit 2048 bytes)");
  expect((await put({ "server.body_limit": null })).status).toBe(200);
  expect((await put(big)).status).toBe(200);
  await put({ "server.cors_origins": null });
});
