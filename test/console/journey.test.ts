// The administrator's journey through the web console in a real Chromium against the compiled binary: first-run
// setup, TOTP, sign-in with it, a device the stock client registers and keeps alive, Disconnect delivered at its
// next heartbeat, the audit row arriving live, an enrolment key and the QR code the mobile client scans, and
// sign-in again when the session ends (back to the page asked for). axe on every page; screenshots at two widths.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import jsQR from "jsqr";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG } from "pngjs";
import { launchBrowser, newPage } from "../helpers/browser.ts";
import { connAuthorisedBody, connOpenedBody, heartbeatBody, sysinfoBody, totpCode } from "../helpers/client.ts";
import { look, signIn } from "../helpers/console-browser.ts";
import { serveBinary, type Served } from "../helpers/served-binary.ts";

const KEY = "OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw=";
const DEVICE = { id: "987654321", uuid: "ZTVmMmQxYjAtM2E0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi", hostname: "FRONT-DESK" };
const CONN = 7;
const ADMIN = { name: "admin", password: "correct horse battery" };

let served: Served;
let browser: Browser;
let page: Page;
let context: BrowserContext;

beforeAll(async () => {
  served = await serveBinary({ RDCONSOLE_RUSTDESK_ID_SERVER: "rd.example.com", RDCONSOLE_SERVER_PUBLIC_URL: "https://rd.example.com", RDCONSOLE_RUSTDESK_KEY: KEY });
  browser = await launchBrowser();
  page = await newPage(browser);
  context = page.context();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** A request of the stock client: Rust's JSON body, no Authorization. */
async function client(path: string, body: string): Promise<string> {
  const r = await fetch(`${served.base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  return `${r.status} ${await r.text()}`;
}
const beat = (conns: number[] = []) => client("/api/heartbeat", heartbeatBody(DEVICE, conns));
/** The admin API as the signed-in browser calls it: its cookie, and the CSRF header on writes. */
const api = (method: string, path: string, data?: unknown) => context.request.fetch(`${served.base}${path}`, { method, headers: { "x-rdconsole-csrf": "1" }, ...(data === undefined ? {} : { data }) });

let totpSecret = "";
let recovery: string[] = [];

test("first-run setup with the setup code leads to the dashboard", async () => {
  await page.goto(`${served.base}/`);
  await page.waitForURL(/\/console\/setup$/);
  await look(page, "setup");
  const code = readFileSync(join(served.cwd, "data", "setup-code"), "utf8").trim();
  await page.getByLabel("Setup code").fill(code);
  await page.getByLabel("Administrator name").fill(ADMIN.name);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  expect(new URL(page.url()).pathname).toBe("/console/");
  await look(page, "dashboard");
}, 60_000);

test("TOTP turned on through the API with the browser's cookie; sign out; sign in with password and code", async () => {
  const begin = await api("POST", "/api/admin/profile/totp");
  expect(begin.status()).toBe(200);
  totpSecret = ((await begin.json()) as { secret: string }).secret;
  const confirm = await api("POST", "/api/admin/profile/totp/confirm", { code: totpCode(totpSecret, Date.now()) });
  expect(confirm.status()).toBe(200);
  recovery = ((await confirm.json()) as { recovery_codes: string[] }).recovery_codes;
  expect(recovery.length).toBeGreaterThan(2);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await look(page, "sign-in");
  await page.getByLabel("User name or e-mail").fill(ADMIN.name);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("Verification code").waitFor();
  await look(page, "sign-in-code");
  // The code of the next 30-second step: the one used to confirm may not be used twice (replay guard).
  await page.getByLabel("Verification code").fill(totpCode(totpSecret, Date.now(), 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  expect(((await (await api("GET", "/api/admin/profile")).json()) as { tfa: string }).tfa).toBe("on");
}, 60_000);

test("a device the client registers and keeps alive is on the Devices page, and its own page", async () => {
  expect(await beat()).toBe('200 {"sysinfo":true}');
  expect(await client("/api/sysinfo", sysinfoBody(DEVICE))).toBe("200 SYSINFO_UPDATED");
  expect(await beat()).toBe("200 {}");
  await page.getByRole("link", { name: "Devices", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: DEVICE.id });
  await row.getByText("Online").waitFor();
  await expect(row.getByText(DEVICE.hostname).count()).resolves.toBe(1);
  await look(page, "devices");
  await row.getByRole("link", { name: DEVICE.id }).click();
  await page.waitForURL(`**/console/devices/${DEVICE.id}`);
  await page.getByRole("heading", { name: `${DEVICE.hostname} (${DEVICE.id})` }).waitFor();
  await page.getByText("windows / Windows 10 Pro - 10 (19045)").waitFor();
  await look(page, "device");
}, 60_000);

test("Disconnect of a live session reaches the device at its next heartbeat; Audit shows the row live", async () => {
  // Someone connects: the device posts the connection's audit events, then reports it in its heartbeats.
  expect(await client("/api/audit/conn", connOpenedBody(DEVICE, CONN, "0c6d8d3e-5b7a-4c1e-9d2f-1a2b3c4d5e01"))).toBe("200 ");
  expect(await client("/api/audit/conn", connAuthorisedBody(DEVICE, CONN, "0c6d8d3e-5b7a-4c1e-9d2f-1a2b3c4d5e02", ["111222333", "Bob"], "17212712360522741029"))).toBe("200 ");
  expect(await beat([CONN])).toBe("200 {}");
  // A second tab on the Audit page, Live on, before the disconnect: the row must arrive there without a reload.
  const audit = await context.newPage();
  const reads: string[] = [];
  audit.on("request", (r) => void (r.url().includes("/api/admin/audit/") && reads.push(r.url())));
  await audit.goto(`${served.base}/console/audit?log=console`);
  await audit.getByRole("heading", { name: "Audit logs" }).waitFor();
  await audit.getByRole("tab", { name: "Console changes", selected: true }).waitFor();
  const stream = audit.waitForResponse((r) => r.url().includes("/api/admin/events"));
  await audit.getByLabel("Live").check();
  expect((await stream).status()).toBe(200);
  const readsBefore = reads.length;

  await page.reload();
  const sessions = page.getByRole("region", { name: "Live sessions" });
  const session = sessions.getByRole("listitem").filter({ hasText: "111222333 (Bob) · remote" });
  await session.waitFor();
  await session.getByRole("button", { name: "Disconnect" }).click();
  const dialog = page.getByRole("dialog", { name: "Disconnect this session?" });
  await dialog.getByText(`111222333 (Bob) will be disconnected from ${DEVICE.id}`).waitFor();
  await look(page, "device-disconnect");
  await dialog.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("status").filter({ hasText: "next heartbeat" }).waitFor();
  expect(await beat([CONN])).toBe(`200 {"disconnect":[${CONN}]}`);
  expect(await beat()).toBe("200 {}");

  const row = audit.getByRole("row").filter({ hasText: "device.disconnect" });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain(`conns=${CONN}`);
  expect(reads.length).toBe(readsBefore);
  await look(audit, "audit-live");
  await audit.close();
}, 60_000);

test("Enrolment: a key's secret shown once, the config string, and the QR code the mobile client scans", async () => {
  await page.getByRole("link", { name: "Enrolment" }).click();
  await page.getByRole("heading", { name: "Enrolment and API tokens" }).waitFor();
  const config = (await (await api("GET", "/api/admin/client-config")).json()) as { config_string: string; qr_text: string };
  const shown = page.getByLabel("client config string");
  await expect(shown.textContent()).resolves.toBe(config.config_string);
  await page.getByLabel("Name", { exact: true }).fill("front-desk");
  await page.getByLabel("Owner (user name)").fill(ADMIN.name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByText("The secret of front-desk: shown only now").waitFor();
  const secret = (await page.getByLabel("secret", { exact: true }).textContent()) ?? "";
  expect(secret).toMatch(/^rdc_/);
  const lines = page.getByLabel("install lines").getByText(secret, { exact: false });
  await lines.waitFor();
  await expect(lines.textContent()).resolves.toContain(`--user_name ${ADMIN.name}`);
  await look(page, "enrolment");

  const img = page.getByRole("img", { name: "QR code for the mobile client" });
  await img.scrollIntoViewIfNeeded();
  await expect(img.evaluate((i) => (i as unknown as { decode: () => Promise<void> }).decode())).resolves.toBeUndefined();
  const png = PNG.sync.read(await img.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(`config=${config.config_string}`);
  expect(config.qr_text).toBe(`config=${config.config_string}`);

  // The secret is not shown again: a reload has only the key's prefix.
  await page.reload();
  await page.getByRole("heading", { name: "Enrolment and API tokens" }).waitFor();
  await page.getByText("front-desk", { exact: false }).first().waitFor();
  await expect(page.getByText(secret).count()).resolves.toBe(0);
}, 60_000);

test("signed out, a deep link goes to sign-in and back to it; so does a session that ends mid-way", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.goto(`${served.base}/console/devices/${DEVICE.id}`);
  await page.waitForURL(`**/console/sign-in?next=${encodeURIComponent(`/devices/${DEVICE.id}`)}`);
  await signIn(page, ADMIN.name, ADMIN.password, recovery[0]!);
  await page.waitForURL(`**/console/devices/${DEVICE.id}`);
  await page.getByRole("heading", { name: `${DEVICE.hostname} (${DEVICE.id})` }).waitFor();

  // The session ends (cookie gone) while the page is open: the next page's request sends the browser to sign-in.
  await context.clearCookies();
  await page.getByRole("link", { name: "Audit" }).click();
  await page.waitForURL(`**/console/sign-in?next=${encodeURIComponent("/audit")}`);
  await page.getByText("Your session has ended").waitFor();
  await look(page, "sign-in-expired");
  await signIn(page, ADMIN.name, ADMIN.password, recovery[1]!);
  await page.waitForURL("**/console/audit");
  await page.getByRole("heading", { name: "Audit logs" }).waitFor();
}, 60_000);

test("without an ID server configured, Connect a device says what the server lacks", async () => {
  const bare = await serveBinary();
  try {
    const p = await newPage(browser);
    await p.goto(`${bare.base}/console/`);
    await p.waitForURL(/\/console\/setup$/);
    await p.getByLabel("Setup code").fill(readFileSync(join(bare.cwd, "data", "setup-code"), "utf8").trim());
    await p.getByLabel("Administrator name").fill(ADMIN.name);
    await p.getByLabel("Password").fill(ADMIN.password);
    await p.getByRole("button", { name: "Create administrator" }).click();
    await p.getByRole("heading", { name: "Dashboard" }).waitFor();
    await p.getByRole("link", { name: "Enrolment" }).click();
    await p.getByText("no ID server").first().waitFor();
    await expect(p.getByRole("img", { name: "QR code for the mobile client" }).count()).resolves.toBe(0);
    await look(p, "enrolment-unconfigured");
    await p.context().close();
  } finally {
    await bare.stop();
  }
}, 60_000);
