// Hostile JSON bodies (issue 13 §3): a deep or wide body is refused with 400 {"error"} before any
// schema sees it, on every route that takes JSON, in-process and over a real socket (the native
// routes); a route that needs a token answers 401 before it reads the body; logout ignores its body.
import { afterAll, describe, expect, test } from "bun:test";
import { jsonShapeProblem, MAX_DEPTH, MAX_ITEMS } from "../../src/http/json-body.ts";
import { createUser } from "../../src/users/service.ts";
import { bearer, DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";
import { asConsole, consoleSignIn, CSRF } from "../helpers/console.ts";
import { createToken } from "../../src/tokens/service.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
const wide = (n: number) => `[${"1,".repeat(n)}1]`;
/** With an explicit Content-Length, as every real client sends it. */
const sized = (raw: string, headers: Record<string, string> = {}) => ({ raw, headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(raw)), ...headers } });

describe("the shape scan", () => {
  test.each([
    ["flat object", '{"a":1,"b":[1,2,{"c":"d"}]}', null],
    [`${MAX_DEPTH} levels`, deep(MAX_DEPTH), null],
    [`${MAX_DEPTH + 1} levels`, deep(MAX_DEPTH + 1), "nested too deeply"],
    ["deep objects", deepObject(MAX_DEPTH + 1), "nested too deeply"],
    ["brackets inside strings do not count", JSON.stringify({ s: "[".repeat(1000) + '\\"{{{' }), null],
    ["an escaped quote does not end the string", `["\\"${"[".repeat(100)}"]`, null],
    [`${MAX_ITEMS - 1} members`, wide(MAX_ITEMS - 2), null],
    [`${MAX_ITEMS + 1} members`, wide(MAX_ITEMS), "too many members"],
    ["commas inside strings do not count", JSON.stringify(",".repeat(MAX_ITEMS * 2)), null],
  ])("%s", (_name, text, problem) => {
    const got = jsonShapeProblem(text);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  test("the stock client's largest list (10,000 peer IDs to delete) passes", () => {
    expect(jsonShapeProblem(JSON.stringify(Array.from({ length: 10_000 }, (_, i) => String(100_000_000 + i))))).toBeNull();
  });
});

const env = testEnv();
afterAll(() => env.close());
await createUser(env.ctx, { name: "alice", password: "alice-password" });
const login = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password"), headers: DART_JSON });
const TOKEN = (login.json() as { access_token: string }).access_token;
const CONSOLE = await consoleSignIn(env.app, "alice", "alice-password");

// Every route with a body, by what it does with it. A new route must be added here (the test below
// fails otherwise): with JSON, it needs a bounded parse hook (src/http/json-hook.ts).
const TAKES_JSON = new Set([
  "POST /api/login", "POST /api/oidc/auth", "POST /api/sysinfo", "POST /api/heartbeat",
  "POST /api/audit/conn", "POST /api/audit/file", "POST /api/audit/alarm", "PUT /api/audit",
  "POST /api/ab/peer/add/:guid", "PUT /api/ab/peer/update/:guid", "DELETE /api/ab/peer/:guid",
  "POST /api/ab/tag/add/:guid", "PUT /api/ab/tag/rename/:guid", "PUT /api/ab/tag/update/:guid", "DELETE /api/ab/tag/:guid", "POST /api/ab",
  // Authenticated routes whose JSON body ({id, uuid} or none) is parsed but not used.
  "POST /api/currentUser", "POST /api/ab/personal", "POST /api/ab/settings", "POST /api/ab/shared/profiles", "POST /api/ab/peers", "POST /api/ab/tags/:guid", "POST /api/ab/get",
]);
const IGNORES_BODY = new Map([["POST /api/logout", 200], ["POST /api/admin/logout", 403], ["POST /api/sysinfo_ver", 200], ["POST /lic/web/api/plugin-sign", 404]]);
const NOT_JSON = new Set(["POST /api/record", "POST /oidc/login", "POST /invite"]);
// JSON parsed bounded by the route itself, which answers in the shape its client command prints (src/provisioning/routes.ts).
const OWN_REPLY = new Map([
  ["POST /api/devices/cli", (message: string) => [400, `error: ${message}`]],
  ["POST /api/devices/deploy", () => [200, '{"result":"INVALID_INPUT"}']],
] as const);
// The admin API: an API token first (401 before any body is read), then the same bounds, with a machine code.
const ADMIN_JSON = new Set([
  "POST /api/admin/client-config/install",
  "POST /api/admin/tokens", "DELETE /api/admin/tokens/:name", "POST /api/admin/tokens/:name/rotate", "POST /api/admin/bans", "DELETE /api/admin/bans/:id",
  "POST /api/admin/strategies", "PATCH /api/admin/strategies/:name", "DELETE /api/admin/strategies/:name", "POST /api/admin/strategies/:name/assign", "POST /api/admin/strategies/:name/unassign", "PUT /api/admin/strategies/default", "POST /api/admin/strategies/lint", "POST /api/admin/strategies/apply",
  "POST /api/admin/users", "PATCH /api/admin/users/:name", "DELETE /api/admin/users/:name", "POST /api/admin/users/:name/password", "POST /api/admin/users/:name/disable", "POST /api/admin/users/:name/enable", "POST /api/admin/users/:name/unlock", "POST /api/admin/users/:name/logout-all", "POST /api/admin/users/:name/2fa/disable", "POST /api/admin/users/:name/2fa/reset", "DELETE /api/admin/sessions/:guid", "DELETE /api/admin/users/:name/sso-links/:provider",
  "POST /api/admin/groups", "PATCH /api/admin/groups/:name", "DELETE /api/admin/groups/:name", "POST /api/admin/groups/:name/users/:user", "DELETE /api/admin/groups/:name/users/:user",
  "PATCH /api/admin/devices/:id", "DELETE /api/admin/devices/:id", "POST /api/admin/devices/:id/disable", "POST /api/admin/devices/:id/enable", "POST /api/admin/devices/:id/approve", "POST /api/admin/devices/:id/rekey", "POST /api/admin/devices/:id/disconnect", "POST /api/admin/devices/prune", "POST /api/admin/sessions/:id/disconnect",
  "POST /api/admin/device-groups", "PATCH /api/admin/device-groups/:name", "DELETE /api/admin/device-groups/:name",
  "POST /api/admin/ab/books", "PATCH /api/admin/ab/books/:book", "DELETE /api/admin/ab/books/:book",
  "POST /api/admin/ab/books/:book/peers", "PATCH /api/admin/ab/books/:book/peers/:id", "DELETE /api/admin/ab/books/:book/peers",
  "POST /api/admin/ab/books/:book/tags", "PATCH /api/admin/ab/books/:book/tags/:tag", "DELETE /api/admin/ab/books/:book/tags",
  "PUT /api/admin/ab/books/:book/rules", "DELETE /api/admin/ab/books/:book/rules", "POST /api/admin/ab/books/:book/import",
  "DELETE /api/admin/recordings/:id", "DELETE /api/admin/lockouts/:target", "DELETE /api/admin/lockouts",
  "POST /api/admin/users/:name/2fa/enable", "POST /api/admin/users/:name/2fa/confirm", "POST /api/admin/users/:name/sso-links",
  "POST /api/admin/sso/:provider/test", "POST /api/admin/smtp/test", "POST /api/admin/notify/test", "POST /api/admin/config/check",
  "PUT /api/admin/settings",
  "POST /api/admin/notifications", "PUT /api/admin/notifications/:id", "DELETE /api/admin/notifications/:id", "POST /api/admin/notifications/test", "POST /api/admin/notifications/:id/test",
  "POST /api/admin/backups",
]);
// Console sign-in (src/admin/signin.ts): the CSRF header first (403 before any body is read), then the same bounds.
const SIGN_IN_JSON = new Set(["POST /api/admin/setup", "POST /api/admin/login"]);
// The signed-in user's own routes (src/admin/profile.ts, me.ts): a console cookie first (401 before any body is read).
const SIGNED_IN_JSON = new Set(["PUT /api/admin/password", "POST /api/admin/profile/totp", "POST /api/admin/profile/totp/confirm", "DELETE /api/admin/profile/totp", "DELETE /api/admin/me/sessions/:guid"]);
// RustDesk Server Pro's admin routes (src/admin/pro/): an API token first, then the same bounds, Pro's {"error"} without a code.
const PRO_JSON = new Set([
  "POST /api/devices/:guid/disable", "POST /api/devices/:guid/enable", "DELETE /api/devices/:guid", "POST /api/devices/:guid/assign",
  "POST /api/device-groups", "PATCH /api/device-groups/:guid", "DELETE /api/device-groups/:guid", "POST /api/device-groups/:guid", "DELETE /api/device-groups/:guid/devices",
  "PUT /api/strategies/:guid/status", "POST /api/strategies/assign",
  "POST /api/users", "POST /api/users/invite", "POST /api/users/:guid/disable", "POST /api/users/:guid/enable", "DELETE /api/users/:guid",
  "PUT /api/users/tfa/totp/enforce", "PUT /api/users/disable_login_verification", "POST /api/users/force-logout",
  "POST /api/user-groups", "PATCH /api/user-groups/:guid", "DELETE /api/user-groups/:guid", "POST /api/user-groups/:guid",
  "POST /api/ab/shared/add", "PUT /api/ab/shared/update/profile", "DELETE /api/ab/shared", "POST /api/ab/rule", "PATCH /api/ab/rule", "DELETE /api/ab/rules",
]);
const withBody = env.app.routes.filter((r) => !["GET", "HEAD", "OPTIONS"].includes(r.method)).map((r) => `${r.method} ${r.path}`);
const urlOf = (route: string) => route.split(" ")[1]!.replace(/:(guid|name)/, "some-$1").replace(/:(user|provider)/, "some-$1");

describe("deep and wide bodies on every route", () => {
  test("every route with a body is classified", () => {
    for (const route of withBody)
      expect([TAKES_JSON.has(route), IGNORES_BODY.has(route), NOT_JSON.has(route), OWN_REPLY.has(route as never), ADMIN_JSON.has(route), PRO_JSON.has(route), SIGN_IN_JSON.has(route), SIGNED_IN_JSON.has(route)]).toContain(true);
    expect(withBody.length).toBe(TAKES_JSON.size + IGNORES_BODY.size + NOT_JSON.size + OWN_REPLY.size + ADMIN_JSON.size + PRO_JSON.size + SIGN_IN_JSON.size + SIGNED_IN_JSON.size);
  });

  for (const [name, body, message] of [
    ["20,000 nested arrays", deep(20_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
    ["40,000 nested arrays", deep(40_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
    ["20,000 nested objects", deepObject(20_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
    ["50,000 members", wide(50_000), `request body has too many members (limit ${MAX_ITEMS})`],
  ] as const)
    test.each([...TAKES_JSON])(`${name}: %s → 400 {"error"}`, async (route) => {
      const [method] = route.split(" ");
      for (const o of [sized(body, { authorization: `Bearer ${TOKEN}` }), { raw: body, headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` } }]) {
        const r = await call(env.app, method!, urlOf(route), o);
        expect(r.status).toBe(400);
        expect(r.json()).toEqual({ error: message });
      }
    });

  test.each([...ADMIN_JSON])("%s: no API token → 401 whatever the body; with one, deep and wide bodies → 400 with a code", async (route) => {
    const adminEnv = tokenEnv();
    const key = createToken(adminEnv.ctx, { name: "a", scopes: { admin: "rw" } }).secret;
    const [method] = route.split(" ");
    for (const [body, message] of [
      [deep(20_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
      [wide(50_000), `request body has too many members (limit ${MAX_ITEMS})`],
    ] as const) {
      expect((await call(adminEnv.app, method!, urlOf(route), sized(body))).status).toBe(401);
      for (const o of [sized(body, { authorization: `Bearer ${key}` }), { raw: body, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }]) {
        const r = await call(adminEnv.app, method!, urlOf(route), o);
        expect([r.status, r.json()]).toEqual([400, { error: message, code: "INVALID_INPUT" }]);
      }
    }
  });

  test.each([...SIGN_IN_JSON])("%s: no X-Rdconsole-Csrf → 403 whatever the body; with it, deep and wide bodies → 400 with a code", async (route) => {
    const [method] = route.split(" ");
    for (const [body, message] of [
      [deep(20_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
      [wide(50_000), `request body has too many members (limit ${MAX_ITEMS})`],
    ] as const) {
      expect((await call(env.app, method!, urlOf(route), sized(body))).status).toBe(403);
      for (const o of [sized(body, CSRF), { raw: body, headers: { "content-type": "application/json", ...CSRF } }]) {
        const r = await call(env.app, method!, urlOf(route), o);
        expect([r.status, r.json()]).toEqual([400, { error: message, code: "INVALID_INPUT" }]);
      }
    }
  });

  test.each([...SIGNED_IN_JSON])("%s: no console cookie → 401 whatever the body; with one, deep and wide bodies → 400 with a code", async (route) => {
    const [method] = route.split(" ");
    for (const [body, message] of [
      [deep(20_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
      [wide(50_000), `request body has too many members (limit ${MAX_ITEMS})`],
    ] as const) {
      expect((await call(env.app, method!, urlOf(route), sized(body, CSRF))).status).toBe(401);
      for (const o of [sized(body, asConsole(CONSOLE)), { raw: body, headers: { "content-type": "application/json", ...asConsole(CONSOLE) } }]) {
        const r = await call(env.app, method!, urlOf(route), o);
        expect([r.status, r.json()]).toEqual([400, { error: message, code: "INVALID_INPUT" }]);
      }
    }
  });

  test.each([...PRO_JSON])("%s: no API token → 401 whatever the body; with one, deep and wide bodies → 400 {error}", async (route) => {
    const proEnv = tokenEnv();
    const key = createToken(proEnv.ctx, { name: "a", scopes: { admin: "rw" } }).secret;
    const [method] = route.split(" ");
    for (const [body, message] of [
      [deep(20_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
      [wide(50_000), `request body has too many members (limit ${MAX_ITEMS})`],
    ] as const) {
      expect((await call(proEnv.app, method!, urlOf(route), sized(body))).status).toBe(401);
      for (const o of [sized(body, { authorization: `Bearer ${key}` }), { raw: body, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }]) {
        const r = await call(proEnv.app, method!, urlOf(route), o);
        expect([r.status, r.json()]).toEqual([400, { error: message }]);
      }
    }
    proEnv.close();
  });

  test.each([...OWN_REPLY])("%s: deep and wide bodies are refused in its own reply shape", async (route, reply) => {
    const keyEnv = tokenEnv({ "devices.registration": "closed" });
    const key = createToken(keyEnv.ctx, { name: "k", kind: "enrol" }).secret;
    for (const [body, message] of [
      [deep(20_000), `request body nested too deeply (limit ${MAX_DEPTH} levels)`],
      [wide(50_000), `request body has too many members (limit ${MAX_ITEMS})`],
    ] as const)
      for (const o of [sized(body, { authorization: `Bearer ${key}` }), { raw: body, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }]) {
        const r = await call(keyEnv.app, "POST", urlOf(route), o);
        expect([r.status, r.text]).toEqual(reply(message) as unknown as [number, string]);
      }
  });

  test.each([...IGNORES_BODY])("%s never parses its body", async (route, status) => {
    for (const body of [deep(20_000), "{oops"]) {
      const r = await call(env.app, "POST", urlOf(route), sized(body));
      expect(r.status).toBe(status);
    }
  });
});

describe("the token before the body", () => {
  const AUTHED = [...TAKES_JSON].filter((r) => r.includes("/api/ab") || ["POST /api/currentUser", "PUT /api/audit"].includes(r));

  test("DELETE /api/ab/peer/x without a token → 401, whatever the body", async () => {
    for (const o of [{}, sized(""), sized("{oops"), sized(deep(20_000)), sized('["a"]'), sized("5"), { raw: "{oops", headers: { "content-type": "application/json" } }, { raw: '{"not":"a list"}', headers: { "content-type": "application/json" } }]) {
      const r = await call(env.app, "DELETE", "/api/ab/peer/x", o);
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({ error: "Invalid token" });
    }
  });

  test.each(AUTHED)("%s: a bad token with a malformed body → 401", async (route) => {
    const [method] = route.split(" ");
    const r = await call(env.app, method!, urlOf(route), sized("{oops", { authorization: "Bearer not-a-token" }));
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({ error: "Invalid token" });
  });

  test("with a valid token the body is still checked", async () => {
    const r = await call(env.app, "DELETE", "/api/ab/peer/x", sized("{oops", { authorization: `Bearer ${TOKEN}` }));
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ error: "malformed request body (expected JSON)" });
  });
});

describe("logout ignores its body", () => {
  test("a malformed body still revokes the token", async () => {
    const l = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("alice", "alice-password"), headers: DART_JSON });
    const token = (l.json() as { access_token: string }).access_token;
    expect((await call(env.app, "POST", "/api/currentUser", { headers: bearer(token) })).status).toBe(200);
    const r = await call(env.app, "POST", "/api/logout", sized("{oops", { authorization: `Bearer ${token}` }));
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
    expect((await call(env.app, "POST", "/api/currentUser", { headers: bearer(token) })).status).toBe(401);
  });
});

describe("over a real socket (the native routes)", () => {
  const app = testEnv().app;
  const server = app.listen({ hostname: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${server.server!.port}`;
  afterAll(() => server.stop());

  test.each(["/api/heartbeat", "/api/audit/conn", "/api/audit/file", "/api/audit/alarm", "/api/sysinfo", "/api/login", "/api/ab/peer/add/x"])("%s: 40,000 nested arrays → 400 {\"error\"}", async (path) => {
    const r = await fetch(`${base}${path}`, { method: "POST", body: deep(40_000), headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` } });
    // The token is another app's: the address-book route refuses it before the body.
    expect(r.status).toBe(path.startsWith("/api/ab") ? 401 : 400);
    expect(await r.json()).toEqual({ error: path.startsWith("/api/ab") ? "Invalid token" : `request body nested too deeply (limit ${MAX_DEPTH} levels)` });
  });
});

test("the API docs still list JSON request bodies for the routes with a bounded parser", async () => {
  const doc = (await call(env.app, "GET", "/openapi.json")).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
  for (const [path, method] of [["/api/login", "post"], ["/api/sysinfo", "post"], ["/api/oidc/auth", "post"], ["/api/ab/peer/add/{guid}", "post"], ["/api/ab/peer/{guid}", "delete"], ["/api/audit", "put"]] as const)
    expect(Object.keys(doc.paths[path]![method]!.requestBody!.content)).toEqual(["application/json"]);
});
