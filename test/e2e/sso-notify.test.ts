// The compiled binary with an SSO provider and a webhook configured: a client's SSO login through a
// real OpenID Provider ends with a working token, and a new device is notified, signed.
import { afterAll, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { binaryPath, cleanEnv } from "../helpers/binary.ts";
import { tempDir } from "../helpers/env.ts";
import { Browser, freePort, startOidcProvider } from "../helpers/oidc.ts";

const hooks: { body: string; signature: string | null }[] = [];
const receiver = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(req) {
    hooks.push({ body: await req.text(), signature: req.headers.get("x-rdconsole-signature-256") });
    return new Response(null, { status: 204 });
  },
});
const cleanups: (() => unknown)[] = [() => receiver.stop(true)];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

test("SSO login and a signed new-device webhook, on the binary", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const op = await startOidcProvider({ clientId: "rdconsole", clientSecret: "s3cret", redirectUris: [`${base}/oidc/callback/kc`], accounts: { alice: { email: "alice@example.com", email_verified: true, preferred_username: "alice" } } });
  cleanups.push(op.close);
  const dir = tempDir("rdc-e2e-sso-");
  const config = join(dir, "rdconsole.toml");
  writeFileSync(
    config,
    `[server]\npublic_url = "${base}"\n[data]\ndir = "data"\n[notify]\ndevice_webhooks = ["http://127.0.0.1:${receiver.port}/hook"]\nwebhook_secret = "hook-secret"\n
[[sso.providers]]\nname = "kc"\nissuer = "${op.issuer}"\nclient_id = "rdconsole"\nclient_secret = "s3cret"\nauto_create = true\n`,
  );
  const server = Bun.spawn([binaryPath(), "serve", "--host", "127.0.0.1", "--port", String(port)], { cwd: dir, env: cleanEnv({ RDCONSOLE_CONFIG: config }), stdout: "ignore", stderr: "pipe" });
  cleanups.push(async () => {
    server.kill("SIGTERM");
    await server.exited;
  });
  for (let i = 0; i < 200; i++) {
    if ((await fetch(`${base}/readyz`).catch(() => null))?.ok) break;
    await Bun.sleep(25);
  }

  const r = await fetch(`${base}/api/oidc/auth`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"deviceInfo":{"name":"ALICE-PC","os":"windows","type":"client"},"id":"123456789","op":"kc","uuid":"dQ=="}' });
  const { code, url } = (await r.json()) as { code: string; url: string };
  const browser = new Browser();
  const loginPage = await browser.openSignIn(url);
  const consent = await browser.submit(loginPage, { login: "alice", password: "x" });
  const page = consent.url.includes("/oidc/callback/") ? consent : await browser.submit(consent);
  expect(page.text).toContain("Signed in as alice on ALICE-PC (123456789)");
  const body = (await (await fetch(`${base}/api/oidc/auth-query?code=${code}&id=123456789&uuid=dQ%3D%3D`)).json()) as { access_token: string; user: { name: string } };
  expect(body.user.name).toBe("alice");
  const me = await fetch(`${base}/api/currentUser`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${body.access_token}`, "content-type": "application/json" } });
  expect(((await me.json()) as { name: string }).name).toBe("alice");

  expect(await (await fetch(`${base}/api/sysinfo`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"hostname":"NEW-PC","id":"999888777","os":"linux","uuid":"dQ=="}' })).text()).toBe("SYSINFO_UPDATED");
  for (let i = 0; i < 100 && hooks.length === 0; i++) await Bun.sleep(20);
  expect(hooks).toHaveLength(1);
  expect(hooks[0]!.signature).toBe(`sha256=${createHmac("sha256", "hook-secret").update(hooks[0]!.body).digest("hex")}`);
  expect(JSON.parse(hooks[0]!.body)).toMatchObject({ event: "device", title: "New device 999888777 (NEW-PC) registered", data: { device: "999888777", hostname: "NEW-PC" } });
});
