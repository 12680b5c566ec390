// Console sign-in through SSO against a real OpenID Provider on loopback: the browser starts at
// /api/admin/login/sso/kc, logs in on the provider's own pages, comes back to the console's redirect URI
// and gets the session cookie; TOTP adds a step; another browser's callback and the client's URI are refused.
import { afterAll, expect, test } from "bun:test";
import { generateSync } from "otplib";
import { beginTotp, confirmTotp } from "../../src/auth/totp.ts";
import { createUser } from "../../src/users/service.ts";
import { Browser, freePort, startOidcProvider, type Account } from "../helpers/oidc.ts";
import { testEnv } from "../helpers/env.ts";

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ACCOUNTS: Record<string, Account> = {
  alice: { email: "alice@example.com", email_verified: true, name: "Alice Liddell", preferred_username: "alice", groups: ["staff"] },
  eve: { email: "eve@evil.example", email_verified: true, name: "Eve", preferred_username: "eve", groups: ["guests"] },
};

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const op = await startOidcProvider({ clientId: "rdconsole", clientSecret: "s3cret", redirectUris: [`${base}/oidc/callback/kc`, `${base}/api/admin/login/sso/kc/callback`], accounts: ACCOUNTS });
cleanups.push(op.close);
const providers = [{ name: "kc", issuer: op.issuer, client_id: "rdconsole", client_secret: "s3cret", label: "Keycloak", scopes: ["openid", "email", "profile", "groups"], auto_create: true, link_by_email: true, allowed_groups: ["staff"] }];
const env = testEnv({ "server.public_url": base, "sso.providers": JSON.stringify(providers) });
const server = env.app.listen({ hostname: "127.0.0.1", port });
cleanups.push(() => server.stop(true));

const atConsole = (u: URL) => u.pathname.startsWith("/console/");
const jar = (b: Browser) => (b as unknown as { jar: Map<string, Map<string, string>> }).jar.get(`127.0.0.1:${port}`) ?? new Map<string, string>();

/** Start in a browser, log in at the provider as `login`, consent: where rdconsole sends the browser. */
async function signIn(login: string, browser = new Browser(), next = "") {
  const atProvider = await browser.go(`${base}/api/admin/login/sso/kc${next ? `?next=${encodeURIComponent(next)}` : ""}`, { stopAt: atConsole });
  expect(atProvider.url.startsWith(op.issuer)).toBe(true);
  const consent = await browser.submit(atProvider, { login, password: "any" }, atConsole);
  return consent.url.includes("/login/sso/") || atConsole(new URL(consent.url)) ? consent : browser.submit(consent, {}, atConsole);
}

test("login options list the provider; SSO → the cookie and 302 to next (or /console/ for an unsafe one)", async () => {
  expect(await (await fetch(`${base}/api/admin/login/options`)).json()).toEqual({ password: true, sso: [{ name: "kc", label: "Keycloak", url: "/api/admin/login/sso/kc" }] });
  const browser = new Browser();
  const done = await signIn("alice", browser, "/console/devices?online=1");
  expect([done.status, done.url]).toEqual([302, `${base}/console/devices?online=1`]);
  // The state cookie is gone, the session cookie is set.
  expect([...jar(browser).keys()]).toEqual(["rdc_console"]);
  const profile = await browser.go(`${base}/api/admin/profile`);
  expect(JSON.parse(profile.text)).toMatchObject({ name: "alice", email: "alice@example.com", is_admin: false, tfa: "off" });
  const audit = env.sqlite.query("SELECT action, actor_name, details FROM console_audit WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1").get() as { details: string };
  expect(JSON.parse(audit.details)).toMatchObject({ via: "sso:kc", session: "console" });
  // An unsafe next falls back to the console.
  expect((await signIn("alice", new Browser(), "//evil.example/x")).url).toBe(`${base}/console/`);
});

test("the provider's filters apply: a user outside allowed_groups gets a page saying why, with a way back", async () => {
  const page = await signIn("eve");
  expect(page.status).toBe(400);
  expect(page.text).toContain("eve@evil.example may not sign in here: not in any of the groups staff");
  expect(page.text).toContain('<a href="/console/">Back to the sign-in page</a>');
});

test("another browser's callback, a replay and a client's state are refused", async () => {
  const victim = new Browser();
  const atProvider = await victim.go(`${base}/api/admin/login/sso/kc`);
  const consent = await victim.submit(atProvider, { login: "alice", password: "any" }, (u) => u.pathname.includes("/login/sso/kc/callback"));
  const callback = consent.url.includes("/callback") ? consent.url : (await victim.submit(consent, {}, (u) => u.pathname.includes("/login/sso/kc/callback"))).url;
  const stranger = await new Browser().go(callback, { stopAt: atConsole });
  expect([stranger.status, stranger.text.includes("This sign-in was finished in another browser than the one that started it")]).toEqual([400, true]);
  const replay = await victim.go(callback, { stopAt: atConsole });
  expect([replay.status, replay.text.includes("This sign-in has expired or is unknown; start again from the console.")]).toEqual([400, true]);
  expect(jar(victim).has("rdc_console")).toBe(false);
  // The client's SSO: a state started there does not finish here.
  const started = (await (await fetch(`${base}/api/oidc/auth`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":"123456789","op":"kc","uuid":"dXVpZA=="}' })).json()) as { url: string };
  const client = new Browser();
  const loginPage = await client.openSignIn(started.url);
  const state = new URL(loginPage.url).searchParams.get("state") ?? new URL(client.visited.find((u) => u.includes("state="))!).searchParams.get("state");
  expect(state?.length).toBeGreaterThan(20);
  const crossed = await client.go(`${base}/api/admin/login/sso/kc/callback?state=${state}&code=x`, { stopAt: atConsole });
  expect([crossed.status, crossed.text.includes("This sign-in has expired or is unknown")]).toEqual([400, true]);
});

test("TOTP on: a step cookie and 302 to the console, which finishes with a real code", async () => {
  const { secret } = beginTotp(env.ctx, "alice");
  confirmTotp(env.ctx, "alice", generateSync({ secret, epoch: Math.floor(env.ctx.now() / 1000) }));
  const browser = new Browser();
  const done = await signIn("alice", browser);
  expect(done.url).toBe(`${base}/console/?second_step=totp`);
  expect(jar(browser).has("rdc_console")).toBe(false);
  const step = jar(browser).get("rdc_console_step")!;
  env.advance(30_000);
  const code = generateSync({ secret, epoch: Math.floor(env.ctx.now() / 1000) });
  const r = await fetch(`${base}/api/admin/login`, { method: "POST", headers: { "content-type": "application/json", "x-rdconsole-csrf": "1", cookie: `rdc_console_step=${step}` }, body: JSON.stringify({ code }) });
  expect(await r.json()).toMatchObject({ status: "signed_in", profile: { name: "alice", tfa: "on" } });
  expect(r.headers.getSetCookie().some((l) => l.startsWith("rdc_console=") && l.includes("HttpOnly; SameSite=Strict"))).toBe(true);
});

test("an unknown provider: 404 with a code", async () => {
  await createUser(env.ctx, { name: "zed", password: null });
  const r = await fetch(`${base}/api/admin/login/sso/nope`, { redirect: "manual" });
  expect([r.status, await r.json()]).toEqual([404, { error: 'unknown login provider "nope"', code: "NOT_FOUND" }]);
});
