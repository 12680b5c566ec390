// SSO end to end against a real OpenID Provider on loopback: the client's oidc/auth and auth-query
// exactly as it sends them (T5), a browser through the provider's own login and consent pages, the
// callback; replays, expiry, the other device, filters, account linking, TOTP, the pending cap.
import { afterAll, expect, test } from "bun:test";
import { generateSync } from "otplib";
import { beginTotp, confirmTotp } from "../../src/auth/totp.ts";
import { setTotpEnforced } from "../../src/users/pro.ts";
import { createUser, disableUser, updateUser } from "../../src/users/service.ts";
import { Browser, freePort, startOidcProvider, type Account } from "../helpers/oidc.ts";
import { testEnv } from "../helpers/env.ts";

const UUID = "YzdmNmUxZjAtMmI0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi";
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ACCOUNTS: Record<string, Account> = {
  alice: { email: "alice@example.com", email_verified: true, name: "Alice Liddell", preferred_username: "alice", groups: ["staff"] },
  bob: { email: "bob@example.com", email_verified: true, name: "Bob", preferred_username: "bobby", groups: ["staff", "rd-admins"] },
  carol: { email: "carol@example.com", email_verified: true, name: "Carol", preferred_username: "carol", groups: ["staff"] },
  mallory: { email: "root@example.com", email_verified: true, name: "Mallory", preferred_username: "mallory", groups: ["staff"] },
  eve: { email: "eve@evil.example", email_verified: true, name: "Eve", preferred_username: "eve", groups: ["guests"] },
};

/** rdconsole with one OIDC provider "kc" (a real oidc-provider), both listening on loopback. */
async function setup(provider: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const op = await startOidcProvider({ clientId: "rdconsole", clientSecret: "s3cret", redirectUris: [`${base}/oidc/callback/kc`], accounts: ACCOUNTS });
  cleanups.push(op.close);
  const providers = [{ name: "kc", issuer: op.issuer, client_id: "rdconsole", client_secret: "s3cret", label: "Keycloak", scopes: ["openid", "email", "profile", "groups"], auto_create: true, ...provider }];
  const env = testEnv({ "server.public_url": base, "sso.providers": JSON.stringify(providers), ...extra });
  const server = env.app.listen({ hostname: "127.0.0.1", port });
  cleanups.push(() => server.stop(true));
  const auth = async (body: string) => {
    const r = await fetch(`${base}/api/oidc/auth`, { method: "POST", body, headers: { "content-type": "application/json" } });
    return { status: r.status, json: (await r.json()) as Record<string, string> };
  };
  // client: src/hbbs_http/account.rs serialises with sorted keys; the poll has no headers at all.
  const start = (id = "123456789", uuid = UUID) =>
    auth(`{"apiDomain":"${base}","deviceInfo":{"name":"ALICE-PC","os":"windows","type":"client"},"id":"${id}","op":"kc","uuid":"${uuid}"}`);
  const poll = async (code: string, id = "123456789", uuid = UUID) => {
    const r = await fetch(`${base}/api/oidc/auth-query?code=${encodeURIComponent(code)}&id=${id}&uuid=${encodeURIComponent(uuid)}`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const s = { lastBrowser: undefined as Browser | undefined };
  /** The person's side: open the link, log in at the provider as `login`, consent. */
  const signIn = async (url: string, login: string, browser = new Browser()) => {
    s.lastBrowser = browser;
    const loginPage = await browser.openSignIn(url);
    expect(loginPage.url.startsWith(op.issuer)).toBe(true);
    const consent = await browser.submit(loginPage, { login, password: "any" });
    const done = consent.url.includes("/oidc/callback/") ? consent : await browser.submit(consent);
    return done;
  };
  return Object.assign(s, { env, base, op, auth, start, poll, signIn });
}

test("T5 end to end: pending, browser through the provider's pages, then the login body once", async () => {
  const s = await setup();
  expect(await (await fetch(`${s.base}/api/login-options`)).text()).toBe('["oidc/kc"]');
  const started = await s.start();
  expect(started.status).toBe(200);
  expect(Object.keys(started.json).sort()).toEqual(["code", "url"]);
  expect(started.json.url).toBe(`${s.base}/oidc/login?code=${encodeURIComponent(started.json.code!)}`);
  expect(await s.poll(started.json.code!)).toEqual({ status: 202, body: { error: "No authed oidc is found" } });

  const page = await s.signIn(started.json.url!, "alice");
  expect(page.status).toBe(200);
  expect(page.text).toContain("Signed in as alice on ALICE-PC (123456789) — you can return to RustDesk.");
  expect(page.text).not.toContain("<script");

  const done = await s.poll(started.json.code!);
  expect(done).toEqual({
    status: 200,
    body: { type: "access_token", access_token: expect.any(String), user: { name: "alice", display_name: "Alice Liddell", avatar: "", email: "alice@example.com", note: "", status: 1, is_admin: false, info: {} } },
  });
  // Single use, and so is the provider's redirect back.
  expect(await s.poll(started.json.code!)).toEqual({ status: 404, body: { error: "this sign-in has expired or is unknown; please try again" } });
  const callback = s.lastBrowser!.visited.find((u) => u.includes("/oidc/callback/kc?"))!;
  const replayed = await s.lastBrowser!.go(callback);
  expect([replayed.status, replayed.text.includes("This sign-in has expired or is unknown; start again from RustDesk.")]).toEqual([400, true]);
  // The token is a real session.
  const me = await fetch(`${s.base}/api/currentUser`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${done.body.access_token}`, "content-type": "application/json" } });
  expect(((await me.json()) as { name: string }).name).toBe("alice");
  const audit = s.env.sqlite.query("SELECT action, actor_name, details FROM console_audit WHERE action IN ('user.create', 'user.sso_link', 'auth.login') ORDER BY id").all() as { action: string; actor_name: string; details: string }[];
  expect(audit.map((a) => [a.action, a.actor_name])).toEqual([["user.create", "sso:kc"], ["user.sso_link", "sso:kc"], ["auth.login", "alice"]]);
  expect(JSON.parse(audit[2]!.details)).toMatchObject({ via: "sso:kc", device_id: "123456789" });

  // A second login of the same person finds the same user through the issuer+subject link.
  const again = await s.start();
  expect((await s.signIn(again.json.url!, "alice")).text).toContain("Signed in as alice");
  expect(((await s.poll(again.json.code!)).body.user as { name: string }).name).toBe("alice");
  expect(s.env.sqlite.query("SELECT count(*) AS n FROM users").get()).toEqual({ n: 1 });
});

test("replays and strangers: the link twice, another device's poll, another browser's callback, expiry, unknown op", async () => {
  const s = await setup();
  const a = await s.start();
  // rdconsole's page first: whose device asks, from where; nothing happens without the button.
  const confirm = await new Browser().go(a.json.url!);
  expect(confirm.status).toBe(200);
  expect(confirm.text).toContain("<h1>Sign in to RustDesk with Keycloak</h1>");
  expect(confirm.text).toContain("<dd>ALICE-PC (ID 123456789), windows</dd><dt>Asked from</dt><dd>127.0.0.1 at 2026-11-22 12:00:00 UTC</dd>");
  // Another site posting the button for the reader (no cookie from the page): refused.
  const forged = await fetch(`${s.base}/oidc/login`, { method: "POST", body: new URLSearchParams({ code: a.json.code! }), redirect: "manual" });
  expect([forged.status, (await forged.text()).includes("open the sign-in link from RustDesk in this browser, then press Continue")]).toEqual([400, true]);
  const browser = new Browser();
  const atProvider = await browser.openSignIn(a.json.url!);
  expect(atProvider.url.startsWith(s.op.issuer)).toBe(true);
  const second = await new Browser().go(a.json.url!);
  expect([second.status, second.text.includes("this sign-in link was already used; start again from RustDesk")]).toEqual([404, true]);
  expect(await s.poll(a.json.code!, "987654321")).toEqual({ status: 403, body: { error: "this sign-in was started on another device" } });
  expect(await s.poll(a.json.code!, "123456789", "b3RoZXI=")).toEqual({ status: 403, body: { error: "this sign-in was started on another device" } });

  // The provider's redirect, replayed in a browser that never opened the link: refused, and the client is told.
  const b = await s.start();
  const victim = new Browser();
  const atCallback = (u: URL) => u.pathname.startsWith("/oidc/callback/");
  const loginPage = await victim.openSignIn(b.json.url!);
  const consent = await victim.submit(loginPage, { login: "alice", password: "x" }, atCallback);
  const redirect = atCallback(new URL(consent.url)) ? consent : await victim.submit(consent, {}, atCallback);
  const next = await new Browser().go(redirect.url); // our callback, without the cookie /oidc/login set
  expect(next.url).toContain("/oidc/callback/kc?");
  expect([next.status, next.text.includes("This sign-in was finished in another browser than the one that started it")]).toEqual([400, true]);
  expect(await s.poll(b.json.code!)).toEqual({ status: 401, body: { error: "This sign-in was finished in another browser than the one that started it; start again from RustDesk." } });

  const c = await s.start();
  s.env.advance(5 * 60_000 + 1);
  expect(await s.poll(c.json.code!)).toEqual({ status: 404, body: { error: "this sign-in has expired or is unknown; please try again" } });
  const late = await new Browser().go(c.json.url!);
  expect(late.status).toBe(404);

  expect(await s.auth(`{"deviceInfo":{"name":"X","os":"linux","type":"client"},"id":"1","op":"nope","uuid":"${UUID}"}`)).toEqual({ status: 404, json: { error: 'unknown login provider "nope"' } });
  expect((await s.auth(`{"op":"kc"}`)).status).toBe(400);
  expect((await s.auth("not json")).status).toBe(400);
});

test("accounts: no auto-create, link by e-mail, domain and group filters, admin groups, disabled users", async () => {
  const s = await setup({ auto_create: false, link_by_email: true, allowed_domains: ["example.com"], allowed_groups: ["staff"], admin_groups: ["rd-admins"] });
  await createUser(s.env.ctx, { name: "robert", email: "bob@example.com", password: null });
  const login = async (who: string) => {
    const started = await s.start();
    const page = await s.signIn(started.json.url!, who);
    return { page, poll: await s.poll(started.json.code!) };
  };
  // Linked to the existing user by verified e-mail; made admin by the group.
  const bob = await login("bob");
  expect(bob.page.text).toContain("Signed in as robert");
  expect(bob.poll.body.user).toMatchObject({ name: "robert", is_admin: true });
  // Not linked and no auto-create: refused, with the reason on the page and for the client.
  const carol = await login("carol");
  expect(carol.page.status).toBe(400);
  expect(carol.page.text).toContain("no rdconsole account is linked to carol@example.com at Keycloak; ask an administrator to create one or to link it");
  expect(carol.poll).toEqual({ status: 401, body: { error: "no rdconsole account is linked to carol@example.com at Keycloak; ask an administrator to create one or to link it" } });
  // An administrator's address at the provider does not open the administrator's account.
  await createUser(s.env.ctx, { name: "root", email: "Root@Example.com", password: null, isAdmin: true });
  expect((await login("mallory")).poll.body.error).toBe('root@example.com belongs to an administrator, whose account is not linked by e-mail; an administrator can link it with "rdconsole user sso-link"');
  // Outside the allowed domains.
  expect((await login("eve")).poll.body.error).toBe("eve@evil.example may not sign in here: only verified e-mail addresses at example.com are allowed");
  // Disabled locally: no SSO either.
  disableUser(s.env.ctx, "robert");
  expect((await login("bob")).poll.body.error).toBe("this account is disabled");
  expect(s.env.sqlite.query("SELECT count(*) AS n FROM users").get()).toEqual({ n: 2 });

  const groups = await setup({ allowed_groups: ["rd-admins"] });
  const started = await groups.start();
  await groups.signIn(started.json.url!, "alice");
  expect((await groups.poll(started.json.code!)).body.error).toBe("alice@example.com may not sign in here: not in any of the groups rd-admins");
});

test("a user with TOTP gets the challenge, and finishes on /api/login with a code", async () => {
  const s = await setup({ link_by_email: true });
  await createUser(s.env.ctx, { name: "alice", email: "alice@example.com", password: null });
  // Linked by the first login, then TOTP turned on.
  const first = await s.start();
  await s.signIn(first.json.url!, "alice");
  await s.poll(first.json.code!);
  const { secret } = await beginTotp(s.env.ctx, "alice");
  confirmTotp(s.env.ctx, "alice", generateSync({ secret, epoch: Math.floor(s.env.ctx.now() / 1000) }));

  const started = await s.start();
  const page = await s.signIn(started.json.url!, "alice");
  expect(page.text).toContain("enter the code from your authenticator app in RustDesk");
  const challenge = await s.poll(started.json.code!);
  expect(challenge).toEqual({ status: 200, body: { type: "email_check", tfa_type: "tfa_check", secret: expect.any(String), access_token: "", user: { name: "alice", info: {} } } });
  const code = generateSync({ secret, epoch: Math.floor(s.env.ctx.now() / 1000) + 30 }); // the confirming code is spent
  s.env.advance(30_000);
  const r = await fetch(`${s.base}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ username: "alice", id: "123456789", uuid: UUID, autoLogin: true, type: "email_code", verificationCode: code, tfaCode: code, secret: challenge.body.secret, deviceInfo: { os: "windows", type: "client", name: "ALICE-PC" } }),
  });
  expect(await r.json()).toMatchObject({ type: "access_token", user: { name: "alice" } });
});

test("2FA enforced without TOTP: the SSO login is refused with the set-up address; with TOTP, the challenge as usual", async () => {
  const s = await setup({ link_by_email: true });
  const alice = await createUser(s.env.ctx, { name: "alice", email: "alice@example.com", password: null });
  setTotpEnforced(s.env.ctx, [alice.guid], true, "https://console.example.com");
  const started = await s.start();
  const page = await s.signIn(started.json.url!, "alice");
  const refusal = "Two-factor authentication (TOTP) is required for this account: set it up at https://console.example.com, then log in again";
  expect([page.status, page.text.includes(refusal)]).toEqual([400, true]);
  expect(await s.poll(started.json.code!)).toEqual({ status: 401, body: { error: refusal } });

  const { secret } = beginTotp(s.env.ctx, "alice");
  confirmTotp(s.env.ctx, "alice", generateSync({ secret, epoch: Math.floor(s.env.ctx.now() / 1000) }));
  const again = await s.start();
  await s.signIn(again.json.url!, "alice");
  expect((await s.poll(again.json.code!)).body).toMatchObject({ type: "email_check", tfa_type: "tfa_check", user: { name: "alice" } });
});

test("pending logins are capped per IP and in all; login-options carry icons in one common-oidc entry", async () => {
  const s = await setup({ icon: "<svg xmlns='http://www.w3.org/2000/svg'/>" }, { "sso.max_pending_per_ip": "5", "sso.max_pending": "8", "server.trusted_proxies": "127.0.0.1/32" });
  const from = (ip: string, i: number) =>
    fetch(`${s.base}/api/oidc/auth`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: `{"id":"10000000${i}","op":"kc","uuid":"${UUID}"}` }).then(async (r) => ({ status: r.status, json: await r.json() }));
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => from("198.51.100.1", i)));
  expect(results.filter((r) => r.status === 200)).toHaveLength(5);
  expect(results.filter((r) => r.status === 429).map((r) => r.json)).toEqual(Array(7).fill({ error: "too many sign-ins in progress; try again in a few minutes" }));
  // In all: 8, whoever asks.
  const others = await Promise.all(Array.from({ length: 5 }, (_, i) => from(`198.51.100.${10 + i}`, i)));
  expect(others.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
  expect(await (await fetch(`${s.base}/api/login-options`)).text()).toBe(`["oidc/kc","common-oidc/[{\\"name\\":\\"kc\\",\\"icon\\":\\"<svg xmlns='http://www.w3.org/2000/svg'/>\\"}]"]`);
  // After they expire, new ones are accepted again.
  s.env.advance(5 * 60_000 + 1);
  expect((await s.start()).status).toBe(200);
});

test("the page's cookie is Secure when the public URL is https", async () => {
  const env = testEnv({ "server.public_url": "https://rd.example.com", "sso.providers": JSON.stringify([{ name: "kc", issuer: "https://id.example.com", client_id: "a", client_secret: "b" }]) });
  const started = await env.app.handle(new Request("http://127.0.0.1/api/oidc/auth", { method: "POST", headers: { "content-type": "application/json" }, body: `{"id":"1","op":"kc","uuid":"${UUID}"}` }));
  const { url } = (await started.json()) as { url: string };
  expect(url).toStartWith("https://rd.example.com/oidc/login?code=");
  const page = await env.app.handle(new Request(url.replace("https://rd.example.com", "http://127.0.0.1")));
  expect(page.headers.get("set-cookie")).toMatch(/^rdc_sso=[\w-]+; Path=\/oidc; HttpOnly; SameSite=Lax; Max-Age=300; Secure$/);
  expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
});

test("admin_groups never demote the last enabled administrator; with another admin they do", async () => {
  const s = await setup({ link_by_email: true, admin_groups: ["rd-admins"] });
  await createUser(s.env.ctx, { name: "alice", email: "alice@example.com", password: null });
  const login = async () => {
    const started = await s.start();
    await s.signIn(started.json.url!, "alice");
    return (await s.poll(started.json.code!)).body;
  };
  expect(await login()).toMatchObject({ user: { name: "alice", is_admin: false } }); // linked by e-mail
  updateUser(s.env.ctx, "alice", { isAdmin: true });
  // alice is not in rd-admins at the provider, but no one else could administer this server.
  expect(await login()).toMatchObject({ type: "access_token", user: { name: "alice", is_admin: true } });
  await createUser(s.env.ctx, { name: "root", password: null, isAdmin: true });
  expect(await login()).toMatchObject({ type: "access_token", user: { name: "alice", is_admin: false } });
});
