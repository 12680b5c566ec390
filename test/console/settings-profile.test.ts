// The console's settings, status, dashboard, profile and self-service pages in a real browser against the compiled
// binary: a runtime setting changed with a human value (source becomes "console"), the API's problems beside their
// keys, a restart-only key listed as such, SMTP, webhook and SSO checks with their outcome, the server's version on the status page, TOTP set up from the page and
// then asked for at sign-in, and a non-administrator who sees only their own pages.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSync } from "otplib";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, screenshot } from "../helpers/browser.ts";
import { look, signIn as fillSignIn } from "../helpers/console-browser.ts";
import { tempDir } from "../helpers/env.ts";
import { freePort, startOidcProvider } from "../helpers/oidc.ts";
import { serveBinary, type Served } from "../helpers/served-binary.ts";

const T = 60_000;
const VERSION = (JSON.parse(readFileSync(join(import.meta.dir, "..", "..", "package.json"), "utf8")) as { version: string }).version;
let served: Served;
let browser: Browser;
let admin: Page;
let dataDir: string;
let op: Awaited<ReturnType<typeof startOidcProvider>>;

/** From the console's front door to signed in (the menu's Sign out is there). */
async function signIn(page: Page, login: string, password: string, code?: () => string) {
  await page.goto(`${served.base}/console/`);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await fillSignIn(page, login, password, code?.());
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** An admin API call with the page's session cookie, as the console makes it. */
async function api(page: Page, method: string, path: string, data?: unknown) {
  const r = await page.request.fetch(`${served.base}${path}`, { method, headers: { "x-rdconsole-csrf": "1" }, ...(data === undefined ? {} : { data }) });
  const text = await r.text();
  return { status: r.status(), json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}
const row = (page: Page, key: string) => page.locator(`[data-setting="${key}"]`);

beforeAll(async () => {
  // Two SSO providers: a real OpenID Provider on loopback, and one whose issuer answers nothing.
  op = await startOidcProvider({ clientId: "rdconsole", clientSecret: "s3cret", redirectUris: [], accounts: {} });
  const dir = tempDir();
  const config = join(dir, "rdconsole.toml");
  dataDir = join(dir, "data");
  const provider = (name: string, issuer: string) => `[[sso.providers]]\nname = "${name}"\nlabel = "${name} SSO"\nissuer = "${issuer}"\nclient_id = "rdconsole"\nclient_secret = "s3cret"\n`;
  writeFileSync(config, `[data]\ndir = "${dataDir}"\n\n${provider("works", op.issuer)}\n${provider("broken", `http://127.0.0.1:${await freePort()}`)}`);
  served = await serveBinary({ RDCONSOLE_CONFIG: config });
  browser = await launchBrowser();
  admin = await newPage(browser);
}, T);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await op?.close();
});

test(
  "setup, then the dashboard: numbers, an empty chart that says why, and recent events",
  async () => {
    await admin.goto(`${served.base}/console/`);
    await admin.getByLabel("Setup code").fill(readFileSync(join(dataDir, "setup-code"), "utf8").trim());
    await admin.getByLabel("Administrator name").fill("root");
    await admin.getByLabel("Password").fill("root-password-1");
    await admin.getByRole("button", { name: "Create administrator" }).click();
    await admin.getByRole("heading", { name: "Dashboard" }).waitFor();
    await admin.getByText("No chart yet").waitFor();
    const events = admin.locator("section", { hasText: "Recent events" });
    await events.getByText("user.create").waitFor();
    expect(await events.getByText("auth.login").count()).toBeGreaterThan(0);
    await expect(events.locator("time").first().textContent()).resolves.toMatch(/second|now/);
    await look(admin, "dashboard");
  },
  T,
);

test(
  "settings: a runtime key with a human value becomes the console's; every problem shows beside its key; restart-only keys are named; SMTP, webhook and SSO tests say how they went",
  async () => {
    await admin.goto(`${served.base}/console/settings?group=lockout`);
    const failures = admin.getByLabel("lockout.account_failures", { exact: true });
    await expect(failures.inputValue()).resolves.toBe("5");
    await expect(row(admin, "lockout.account_failures").getByText("default", { exact: true }).count()).resolves.toBe(1);
    await look(admin, "settings");

    await failures.fill("7");
    await admin.getByLabel("lockout.minutes", { exact: true }).fill("2h");
    await admin.getByRole("button", { name: "Save 2 changes" }).click();
    await admin.getByText("Saved: lockout.account_failures, lockout.minutes.").waitFor();
    await row(admin, "lockout.account_failures").getByText("console", { exact: true }).waitFor();
    await expect(admin.getByLabel("lockout.minutes", { exact: true }).inputValue()).resolves.toBe("120");
    const saved = await api(admin, "GET", "/api/admin/settings/lockout.minutes");
    expect(saved.json).toMatchObject({ value: 120, source: "console", unit: "minutes" });

    // Two wrong values at once: nothing is saved, and each problem is shown at its own key, in the API's words.
    await admin.getByLabel("lockout.window_minutes", { exact: true }).fill("1 fortnight");
    await admin.getByLabel("lockout.ip_failures", { exact: true }).fill("-3");
    await admin.getByRole("button", { name: "Save 2 changes" }).click();
    await row(admin, "lockout.window_minutes").getByRole("alert").getByText('expected a number of minutes or a duration such as "90m", "1.5 d", "2 w", got "1 fortnight"').waitFor();
    await row(admin, "lockout.ip_failures").getByRole("alert").getByText("expected an integer from 1 to 10000, got number -3").waitFor();
    await admin.getByText("Nothing was saved.").waitFor();
    await screenshot(admin, "settings-problems");
    expect((await api(admin, "GET", "/api/admin/settings/lockout.window_minutes")).json).toMatchObject({ value: 15, source: "default" });
    await admin.getByRole("button", { name: "Discard changes" }).click();

    // Back to the default: the saved value is dropped.
    await row(admin, "lockout.account_failures").getByRole("button", { name: "Reset to default" }).click();
    await admin.getByRole("button", { name: "Save 1 changes" }).click();
    await admin.getByText("Saved: lockout.account_failures.").waitFor();
    await row(admin, "lockout.account_failures").getByText("default", { exact: true }).waitFor();
    await expect(failures.inputValue()).resolves.toBe("5");

    // A key read at start only: saved, and named as needing a restart.
    await admin.getByRole("link", { name: "devices", exact: true }).click();
    await admin.getByLabel("devices.offline_after_seconds", { exact: true }).fill("2m");
    await admin.getByRole("button", { name: "Save 1 changes" }).click();
    await admin.getByText("Restart the server to apply: devices.offline_after_seconds.").waitFor();
    await row(admin, "devices.offline_after_seconds").getByText("saved, restart to apply").waitFor();

    // The SMTP test says what the API says when there is nothing to test.
    await admin.goto(`${served.base}/console/settings?group=smtp`);
    await admin.getByLabel("Send to").fill("ops@example.com");
    await admin.getByRole("button", { name: "Send test e-mail" }).click();
    await admin.getByRole("alert").getByText("smtp.host is not set").waitFor();

    // A webhook target: added, tested (delivered to a real listener), tested again once it is gone (the error as
    // it happened), deleted.
    const hits: { method: string; path: string }[] = [];
    const hook = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: (r) => (hits.push({ method: r.method, path: new URL(r.url).pathname }), new Response("ok")) });
    await admin.goto(`${served.base}/console/settings?group=notify`);
    await admin.getByText("No targets yet.").waitFor();
    await admin.getByLabel("Name", { exact: true }).fill("ops hook");
    await admin.getByLabel("Webhook URL").fill(`http://127.0.0.1:${hook.port}/hook`);
    await admin.getByLabel("Signing key").fill("hook-signing-key");
    await admin.getByRole("button", { name: "Add target" }).click();
    await admin.getByRole("button", { name: "Test ops hook" }).click();
    await admin.getByText("Delivered.").waitFor();
    expect(hits).toEqual([{ method: "POST", path: "/hook" }]);
    await hook.stop(true);
    await admin.getByRole("button", { name: "Test ops hook" }).click();
    await admin.getByText(/^Failed: .*(ECONNREFUSED|connect)/).waitFor();
    await admin.getByRole("button", { name: "Delete" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await admin.getByText("No targets yet.").waitFor();

    // SSO providers: discovery checked on demand, the outcome in the server's words.
    await admin.goto(`${served.base}/console/settings?group=sso`);
    await admin.getByRole("button", { name: "Test works SSO" }).click();
    await admin.getByText(`Discovery works; sign-in goes to ${op.issuer}/auth.`).waitFor();
    await admin.getByRole("button", { name: "Test broken SSO" }).click();
    await admin.getByText(/^Failed: .+/).waitFor();
    await screenshot(admin, "settings-sso");
  },
  T,
);

test(
  "status shows the version, where it listens and sizes people can read",
  async () => {
    await admin.goto(`${served.base}/console/status`);
    await admin.getByText(`${VERSION} (`).waitFor();
    await admin.getByText(new URL(served.base).host).waitFor();
    await expect(admin.locator("dd", { hasText: /\d (B|KiB|MiB|GiB)$/ }).count()).resolves.toBeGreaterThan(2);
    await look(admin, "status");
  },
  T,
);

test(
  "status: a backup taken from the page is listed and downloads as the archive; the doctor's checks run from the page",
  async () => {
    await admin.goto(`${served.base}/console/status`);
    const backups = admin.getByRole("region", { name: "Backups" });
    await backups.getByText("No backup yet").waitFor();
    await backups.getByRole("button", { name: "Take a backup now" }).click();
    const link = backups.getByRole("link", { name: /^rdconsole-.*\.tar\.gz$/ });
    await link.waitFor();
    const listed = (await api(admin, "GET", "/api/admin/backups")).json as { data: { name: string; size: number }[] };
    expect(listed.data).toHaveLength(1);
    expect(await link.textContent()).toBe(listed.data[0]!.name);
    const download = await admin.request.get(`${served.base}${await link.getAttribute("href")}`);
    expect(download.status()).toBe(200);
    const body = await download.body();
    expect(body.length).toBe(listed.data[0]!.size);
    expect([body[0], body[1]]).toEqual([0x1f, 0x8b]); // gzip

    const doctor = admin.getByRole("region", { name: "Doctor" });
    await doctor.getByRole("button", { name: "Run the checks" }).click();
    const checks = doctor.getByRole("list", { name: "Doctor" }).getByRole("listitem");
    await checks.first().waitFor({ timeout: 30_000 });
    await doctor.getByText(/ok · database integrity/).waitFor();
    await look(admin, "status-backups-doctor");
  },
  T,
);

test(
  "profile: TOTP set up from the page (QR and key, recovery codes once), then asked for at the next sign-in",
  async () => {
    await admin.goto(`${served.base}/console/profile`);
    await admin.getByRole("button", { name: "Set up an authenticator" }).click();
    const qr = admin.getByRole("img", { name: "QR code for your authenticator app" });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toStartWith("data:image/svg+xml;");
    const secret = (await admin.getByLabel("Authenticator key", { exact: true }).textContent())!.trim();
    await screenshot(admin, "profile-totp-setup");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await admin.getByLabel("Code from the app").fill("000000");
    await admin.getByRole("button", { name: "Turn on" }).click();
    await admin.getByRole("alert").waitFor();
    await admin.getByLabel("Code from the app").fill(generateSync({ secret }));
    await admin.getByRole("button", { name: "Turn on" }).click();
    const codes = admin.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await admin.getByText("Two-factor authentication is on.").waitFor();
    expect(await codes.count()).toBe(10);
    await look(admin, "profile");

    await admin.getByRole("button", { name: "Sign out" }).click();
    await admin.getByRole("heading", { name: "Sign in" }).waitFor();
    // The next 30-second step's code: the one just used is refused as a replay.
    await signIn(admin, "root", "root-password-1", () => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await admin.getByRole("heading", { name: "Dashboard" }).waitFor();
    expect((await api(admin, "GET", "/api/admin/profile")).json).toMatchObject({ name: "root", tfa: "on", recovery_codes_left: 10 });
  },
  T,
);

test(
  "a non-administrator sees only their own pages; an admin URL says Not allowed; sessions end one by one; TOTP enforced shows only the profile",
  async () => {
    for (const name of ["nina", "tina"]) expect((await api(admin, "POST", "/api/admin/users", { name, password: `${name}-password-1` })).status).toBe(201);
    const nina = await newPage(browser);
    const other = await newPage(browser);
    await signIn(other, "nina", "nina-password-1");
    await signIn(nina, "nina", "nina-password-1");
    await nina.getByRole("heading", { name: "Profile" }).waitFor();
    const menu = nina.getByRole("navigation", { name: "Menu" }).getByRole("list").getByRole("link");
    expect(await menu.allTextContents()).toEqual(["Profile", "My devices", "My sessions"]);
    for (const path of ["/devices", "/settings", "/status"]) {
      await nina.goto(`${served.base}/console${path}`);
      await nina.getByRole("heading", { name: "Not allowed" }).waitFor();
    }

    await nina.getByRole("link", { name: "My devices" }).click();
    await nina.getByText("No device is yours yet.").waitFor();
    await look(nina, "my-devices");

    await nina.getByRole("link", { name: "My sessions" }).click();
    await nina.getByText("this session", { exact: true }).waitFor();
    await expect(nina.getByRole("button", { name: "End session" }).count()).resolves.toBe(1);
    await look(nina, "my-sessions");
    await nina.getByRole("button", { name: "End session" }).click();
    await nina.getByRole("dialog").getByRole("button", { name: "End session" }).click();
    await nina.locator("main ul > li").nth(1).waitFor({ state: "detached" });
    await expect(nina.getByRole("button", { name: "End session" }).count()).resolves.toBe(0);
    await other.reload();
    await other.getByRole("heading", { name: "Sign in" }).waitFor();

    // Password change: the current one first; the API's words when it is wrong.
    await nina.getByRole("link", { name: "Profile" }).click();
    await nina.getByLabel("Current password").fill("wrong-password");
    await nina.getByLabel("New password").fill("nina-password-2");
    await nina.getByRole("button", { name: "Change password" }).click();
    await nina.getByRole("alert").waitFor();
    await nina.getByLabel("Current password").fill("nina-password-1");
    await nina.getByLabel("New password").fill("nina-password-2");
    await nina.getByRole("button", { name: "Change password" }).click();
    await nina.getByText("Password changed. Your other sessions were ended (0).").waitFor();

    // TOTP enforced by an administrator: the console shows the profile alone, with a banner saying why.
    const tina = (await api(admin, "GET", "/api/admin/users")).json.data as { name: string; guid: string }[];
    const enforce = await api(admin, "PUT", "/api/users/tfa/totp/enforce", { user_guids: [tina.find((u) => u.name === "tina")!.guid], enforce: true });
    expect(enforce.status).toBe(200);
    const t = await newPage(browser);
    await signIn(t, "tina", "tina-password-1");
    await t.getByText("Set up two-factor authentication to continue").waitFor();
    expect(await t.getByRole("navigation", { name: "Menu" }).getByRole("list").getByRole("link").allTextContents()).toEqual(["Profile"]);
    await t.goto(`${served.base}/console/my/sessions`);
    await t.getByRole("heading", { name: "Profile" }).waitFor();
    await look(t, "profile-totp-required");
  },
  T,
);
