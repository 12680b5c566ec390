// The server's checks over the admin API (area admin): sso list and sso test against a real OpenID Provider and
// a dead one, smtp test against a real SMTP server and a closed port, notify test against a real webhook receiver
// (one that answers 500 too) and e-mail, config check of a TOML body (every problem at once) and of the running
// configuration; never a client secret, an SMTP password or a webhook's path in a reply; the token matrix.
import { afterAll, describe, expect, test } from "bun:test";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { freePort, startOidcProvider } from "../helpers/oidc.ts";
import { startSmtp } from "../helpers/smtp.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const op = await startOidcProvider({ clientId: "rdconsole", clientSecret: "op-secret", redirectUris: ["https://rd.example.com/oidc/callback/kc"], accounts: {} });
const smtp = await startSmtp({ user: "mailer", password: "smtp-pass" });
const closed = await freePort();
const calls: { path: string; body: string }[] = [];
const hooks = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(req) {
    const path = new URL(req.url).pathname;
    calls.push({ path, body: await req.text() });
    return new Response(null, { status: path.startsWith("/broken") ? 500 : 204 });
  },
});
const HOOK = `http://127.0.0.1:${hooks.port}/hook/tok-abc123`;
const BROKEN = `http://127.0.0.1:${hooks.port}/broken/tok-xyz789`;
const PROVIDERS = [
  { name: "kc", label: "Keycloak", issuer: op.issuer, client_id: "rdconsole", client_secret: "op-secret" },
  { name: "dead", issuer: `http://127.0.0.1:${closed}/realms/x`, client_id: "x", client_secret: "dead-secret" },
  { name: "github", kind: "github", client_id: "gh", client_secret: "gh-secret" },
];
const env = tokenEnv({
  "server.public_url": "https://rd.example.com",
  "sso.providers": JSON.stringify(PROVIDERS),
  ...smtp.config,
  "notify.webhook_secret": "hmac-secret",
  "notify.alarm_webhooks": `${HOOK},${BROKEN}`,
  "notify.device_emails": "ops@example.com",
});
const bare = tokenEnv(); // no [smtp], no notification targets, no providers
const deadSmtp = tokenEnv({ ...smtp.config, "smtp.port": String(closed) });
afterAll(async () => {
  for (const e of [env, bare, deadSmtp]) e.close();
  hooks.stop(true);
  await Promise.all([op.close(), smtp.close()]);
});

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const keys = (e: typeof env) => ({ rw: createToken(e.ctx, { name: "root", scopes: { admin: "rw" } }).secret, ro: createToken(e.ctx, { name: "look", scopes: { admin: "r" } }).secret });
const { rw, ro } = keys(env);
const bareKey = keys(bare).rw;
const deadKey = keys(deadSmtp).rw;
const other = createToken(env.ctx, { name: "all-else", scopes: { devices: "rw", users: "rw", groups: "rw", strategies: "rw", audit: "rw", address_books: "rw", enrol: "rw" } }).secret;
const gone = createToken(env.ctx, { name: "gone", scopes: { admin: "rw" } }).secret;
revokeToken(env.ctx, "gone");

const reply = async (method: string, path: string, body?: unknown, secret = rw, app = env.app) => {
  const r = await call(app, method, path, { headers: bearer(secret), body });
  expect(r.text).not.toMatch(/op-secret|dead-secret|gh-secret|smtp-pass|hmac-secret|tok-abc123|tok-xyz789/);
  return [r.status, r.json()] as const;
};

describe("the token matrix", () => {
  // Reading and checking need admin:r; sending a message admin:rw.
  const SENDS = new Set(["/api/admin/smtp/test", "/api/admin/notify/test"]);
  tokenMatrix(
    env.app,
    [["GET", "/api/admin/sso"], ["POST", "/api/admin/sso/github/test"], ["POST", "/api/admin/config/check"], ["POST", "/api/admin/smtp/test", { to: "a@example.com" }], ["POST", "/api/admin/notify/test", { kind: "lockout" }]],
    areaCallers({ other, gone, ro }, "admin:r", "a token of every other area"),
    (_method, path) => SENDS.has(path),
  );
});

describe("sso", () => {
  test("list: every provider, its redirect URI and whether discovery answers; no secret", async () => {
    const [s, body] = await reply("GET", "/api/admin/sso", undefined, ro);
    expect(s).toBe(200);
    const b = body as { total: number; data: { name: string; discovery: string; redirect_uri: string; kind: string }[] };
    expect(b.total).toBe(3);
    expect(b.data.map((p) => [p.name, p.kind, p.redirect_uri])).toEqual([
      ["kc", "oidc", "https://rd.example.com/oidc/callback/kc"],
      ["dead", "oidc", "https://rd.example.com/oidc/callback/dead"],
      ["github", "github", "https://rd.example.com/oidc/callback/github"],
    ]);
    expect(b.data.map((p) => p.discovery)).toEqual(["ok", expect.stringMatching(/^failed: cannot read http:\/\/127\.0\.0\.1:\d+\/realms\/x\/\.well-known\/openid-configuration: /), "n/a (OAuth 2)"]);
  });

  test("test: a live provider's endpoints; a dead one's exact error (ok false); unknown → 404", async () => {
    expect(await reply("POST", "/api/admin/sso/kc/test", undefined, ro)).toEqual([
      200,
      {
        ok: true,
        provider: "kc",
        kind: "oidc",
        scopes: ["openid", "email", "profile"],
        issuer: op.issuer,
        authorization_endpoint: expect.stringMatching(new RegExp(`^${op.issuer}/`)),
        token_endpoint: expect.stringMatching(new RegExp(`^${op.issuer}/`)),
        jwks_uri: expect.stringMatching(new RegExp(`^${op.issuer}/`)),
        userinfo_endpoint: expect.stringMatching(new RegExp(`^${op.issuer}/`)),
        redirect_uri: "https://rd.example.com/oidc/callback/kc",
      },
    ]);
    const [s, dead] = await reply("POST", "/api/admin/sso/dead/test", undefined, ro);
    expect([s, dead]).toEqual([200, { ok: false, provider: "dead", kind: "oidc", scopes: expect.any(Array), error: expect.stringContaining(`cannot read http://127.0.0.1:${closed}/realms/x/.well-known/openid-configuration`) }]);
    expect(await reply("POST", "/api/admin/sso/nope/test", undefined, ro)).toEqual([404, { error: 'no SSO provider "nope" (configured: kc, dead, github)', code: "NOT_FOUND" }]);
    expect((await reply("GET", "/api/admin/sso", undefined, bareKey, bare.app))[1]).toEqual({ total: 0, data: [] });
  });
});

describe("smtp test", () => {
  test("sends through the real SMTP server (with its login)", async () => {
    expect(await reply("POST", "/api/admin/smtp/test", { to: "admin@example.com" })).toEqual([200, { ok: true, to: "admin@example.com" }]);
    const got = smtp.received.filter((m) => m.to.includes("admin@example.com"));
    expect(got).toHaveLength(1);
    expect(got[0]!.data).toContain("Subject: rdconsole test message");
  });

  test("a server that does not answer: ok false with why; no [smtp] → 409; a bad address → 400", async () => {
    const [s, b] = await reply("POST", "/api/admin/smtp/test", { to: "admin@example.com" }, deadKey, deadSmtp.app);
    expect([s, b]).toEqual([200, { ok: false, to: "admin@example.com", error: expect.stringMatching(/^sending failed: .*ECONNREFUSED/) }]);
    expect(await reply("POST", "/api/admin/smtp/test", { to: "admin@example.com" }, bareKey, bare.app)).toEqual([409, { error: "smtp.host is not set", code: "CONFLICT" }]);
    const before = smtp.received.length;
    for (const body of [{ to: "not an address" }, { to: "" }, {}, { to: "a@example.com", cc: "b@example.com" }]) expect((await reply("POST", "/api/admin/smtp/test", body))[0]).toBe(400);
    expect(smtp.received.length).toBe(before);
  });
});

describe("notify test", () => {
  test("every target once: the webhook that answers, the one that fails (named by origin), the e-mail", async () => {
    calls.length = 0;
    const [s, body] = await reply("POST", "/api/admin/notify/test");
    expect(s).toBe(200);
    const origin = `http://127.0.0.1:${hooks.port}/…`;
    expect(body).toEqual({
      ok: false,
      results: [
        { kind: "alarm", type: "webhook", target: origin, ok: true },
        { kind: "alarm", type: "webhook", target: origin, ok: false, error: `${origin} answered 500` },
        { kind: "device", type: "email", target: "ops@example.com", ok: true },
      ],
    });
    expect(calls.map((c) => c.path)).toEqual(["/hook/tok-abc123", "/broken/tok-xyz789"]);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ event: "alarm", title: "Test alarm from rdconsole" });
    expect(smtp.received.filter((m) => m.to.includes("ops@example.com")).length).toBe(1);
  });

  test("one kind; a kind without targets → 409; nothing configured → 409; a bad kind → 400", async () => {
    calls.length = 0;
    expect(await reply("POST", "/api/admin/notify/test", { kind: "device" })).toEqual([200, { ok: true, results: [{ kind: "device", type: "email", target: "ops@example.com", ok: true }] }]);
    expect(calls).toEqual([]);
    const none = [409, { error: "no notification targets are configured (notify.*_webhooks, notify.*_emails, or saved with /api/admin/notifications)", code: "CONFLICT" }];
    expect(await reply("POST", "/api/admin/notify/test", { kind: "lockout" })).toEqual(none as never);
    expect(await reply("POST", "/api/admin/notify/test", undefined, bareKey, bare.app)).toEqual(none as never);
    expect(await reply("POST", "/api/admin/notify/test", { kind: "fire" })).toEqual([400, { error: 'kind is one of alarm, lockout, device, backup.failed, not "fire"', code: "INVALID_INPUT" }]);
  });
});

describe("config check", () => {
  test("a valid file's text; the running configuration without a body", async () => {
    expect(await reply("POST", "/api/admin/config/check", { toml: '[server]\nport = 8080\n[smtp]\nhost = "mail.example.com"\nfrom = "rd@example.com"\n' }, ro)).toEqual([200, { valid: true, checked: "toml", problems: [] }]);
    expect(await reply("POST", "/api/admin/config/check", undefined, ro)).toEqual([200, { valid: true, checked: "running", problems: [] }]);
    expect(await reply("POST", "/api/admin/config/check", {}, ro)).toEqual([200, { valid: true, checked: "running", problems: [] }]);
  });

  test("every problem at once, as config check lists them", async () => {
    const [s, body] = await reply("POST", "/api/admin/config/check", { toml: '[server]\nport = "eighty"\nprot = 1\n[smpt]\nhost = "x"\n' }, ro);
    expect(s).toBe(200);
    const b = body as { valid: boolean; problems: string[] };
    expect(b.valid).toBe(false);
    expect(b.problems).toHaveLength(3);
    expect(b.problems.join("\n")).toContain('unknown key "server.prot"');
    expect(b.problems.join("\n")).toContain('unknown section "smpt"');
    expect(b.problems.join("\n")).toContain("server.port");
    const cross = (await reply("POST", "/api/admin/config/check", { toml: '[smtp]\nhost = "mail.example.com"\n' }, ro))[1];
    expect(cross).toEqual({ valid: false, checked: "toml", problems: ["smtp.from: required when smtp.host is set"] });
    const broken = (await reply("POST", "/api/admin/config/check", { toml: "[server\nport = 1" }, ro))[1] as { problems: string[] };
    expect(broken.problems).toEqual([expect.stringMatching(/^config file toml: not valid TOML \(line 1, column \d+\)/)]);
    expect((await reply("POST", "/api/admin/config/check", { toml: 5 }, ro))[0]).toBe(400);
  });
});
