// The administrator's journey through the web console in a real Chromium against the compiled binary, in the order
// of issue 18: first-run setup, TOTP, sign-in with it, a user created on the Users page, a strategy whose lint error
// is fixed inline, a device the stock client registers and keeps alive with heartbeats, the strategy assigned to it
// and applied, Disconnect delivered at its next heartbeat, the audit row arriving live, an enrolment key and the QR
// code the mobile client scans, every page again in dark mode, and sign-in again when the session ends (back to the
// page asked for). axe on every page (contrast included); screenshots at two widths, no sideways scroll at 390 px.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import jsQR from "jsqr";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG } from "pngjs";
import { launchBrowser, newPage, WIDTHS } from "../helpers/browser.ts";
import { connAuthorisedBody, connOpenedBody, heartbeatBody, sysinfoBody, totpCode } from "../helpers/client.ts";
import { look, signIn } from "../helpers/console-browser.ts";
import { serveBinary, type Served } from "../helpers/served-binary.ts";

const KEY = "OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw=";
const DEVICE = { id: "987654321", uuid: "ZTVmMmQxYjAtM2E0Yy00ZDVlLWE5ZjgtMGMxZDJlM2Y0YTVi", hostname: "FRONT-DESK" };
const CONN = 7;
const ADMIN = { name: "admin", password: "correct horse battery" };
const USER = { name: "dora", email: "dora@example.com", display: "Dora Explorer" };
const STRATEGY = "Front desk";
const STRATEGY_API = `/api/admin/strategies/${encodeURIComponent(STRATEGY)}`;

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
  device.alive = false;
  await browser?.close();
  await served?.stop();
});

/** A request of the stock client: Rust's JSON body, no Authorization. */
async function client(path: string, body: string): Promise<string> {
  const r = await fetch(`${served.base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  return `${r.status} ${await r.text()}`;
}
const beat = (conns: number[] = [], stamp = 0) => client("/api/heartbeat", heartbeatBody(DEVICE, conns, stamp));

/** The device as the client runs it once registered: a heartbeat every 300 ms with its open connections, echoing
 * the stamp of the last strategy it received and closing the connections it is told to disconnect. */
const device = { alive: false, conns: [] as number[], stamp: 0, replies: [] as string[] };
async function keepAlive() {
  device.alive = true;
  while (device.alive) {
    const reply = await beat(device.conns, device.stamp);
    const body = JSON.parse(reply.slice(4)) as { modified_at?: number; disconnect?: number[] };
    if (body.modified_at) device.stamp = body.modified_at;
    if (body.disconnect) device.conns = device.conns.filter((c) => !body.disconnect!.includes(c));
    device.replies.push(reply);
    await Bun.sleep(300);
  }
}
/** The first reply from index `from` on that `match` accepts (replies are polled, not timed). */
async function replyWhere(match: (reply: string) => boolean, from: number): Promise<string> {
  for (let i = from; ; i++) {
    while (device.replies.length <= i) await Bun.sleep(50);
    if (match(device.replies[i]!)) return device.replies[i]!;
  }
}
/** The reply to a heartbeat sent after this call (the one in flight may predate what the caller just changed). */
const nextReply = () => replyWhere(() => true, device.replies.length + 1);
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
  // A new server has no online-devices sample yet: the chart says when it starts instead of an empty box.
  await page.getByRole("region", { name: "Devices" }).getByText("No chart yet").waitFor();
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

test("a user created on the Users page, as the page and the API show it", async () => {
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("cell", { name: ADMIN.name }).waitFor();
  await page.getByText("Add a user").click();
  await page.getByLabel("User name").fill(USER.name);
  await page.getByLabel("E-mail", { exact: true }).fill(USER.email);
  await page.getByLabel("Display name").fill(USER.display);
  await page.getByLabel("Password (optional)").fill("dora's long password");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("heading", { name: `${USER.display} (${USER.name})` }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/console/users/${USER.name}`);
  await look(page, "journey-user");
  expect(await (await api("GET", `/api/admin/users/${USER.name}`)).json()).toMatchObject({ name: USER.name, email: USER.email, display_name: USER.display, is_admin: false, status: 1 });
  // Back to the list (the page's own link to it): the new user is a row of it.
  await page.getByRole("main").getByRole("link", { name: "Users" }).click();
  await page.getByRole("row", { name: new RegExp(USER.display) }).waitFor();
}, 60_000);

test("a strategy created on the Strategies page: the lint's error shown at the key, fixed inline, saved", async () => {
  await page.getByRole("link", { name: "Strategies" }).click();
  await page.getByText("No strategies yet").waitFor();
  await page.getByLabel("Name").fill(STRATEGY);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("heading", { name: `Strategy ${STRATEGY}` }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/console/strategies/${encodeURIComponent(STRATEGY)}`);

  const timeout = page.getByLabel("auto-disconnect-timeout", { exact: true });
  await timeout.fill("0");
  const key = page.locator("li", { has: timeout });
  await key.locator('[data-issue="error"]').getByText(/auto-disconnect-timeout: .*1-65535/).waitFor();
  const save = page.getByRole("button", { name: "Save", exact: true });
  expect(await save.isDisabled()).toBe(true);
  await page.getByText("Errors to fix before saving: 1").waitFor();
  // Where the browser scrolled the field to, its finding is in sight: not under the sticky Save bar.
  const onTop = await key.locator('[data-issue="error"]').evaluate((el) => {
    const r = el.getBoundingClientRect();
    const d = (globalThis as unknown as { document: { elementFromPoint: (x: number, y: number) => unknown } }).document;
    return el.contains(d.elementFromPoint(r.left + 5, r.top + r.height / 2) as typeof el);
  });
  expect(onTop).toBe(true);
  await look(page, "journey-strategy-lint");
  await timeout.fill("30");
  await key.locator('[data-issue="error"]').waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Save", exact: true, disabled: false }).click();
  await page.getByRole("status").getByText("Saved").waitFor();
  expect(((await (await api("GET", STRATEGY_API)).json()) as { options: unknown }).options).toEqual({ "auto-disconnect-timeout": "30" });
}, 60_000);

test("a device the client registers and keeps alive is on the Devices page, and its own page", async () => {
  expect(await beat()).toBe('200 {"sysinfo":true}');
  expect(await client("/api/sysinfo", sysinfoBody(DEVICE))).toBe("200 SYSINFO_UPDATED");
  expect(await beat()).toBe("200 {}");
  void keepAlive();
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

test("the strategy assigned to the live device reaches it: applied on the strategy's page, the device's, the API", async () => {
  await page.getByRole("link", { name: "Strategies" }).click();
  await page.getByRole("link", { name: STRATEGY }).click();
  await page.getByRole("heading", { name: `Strategy ${STRATEGY}` }).waitFor();
  await page.getByText("It applies to no device yet").waitFor();
  await page.getByLabel("Devices", { exact: true }).fill(DEVICE.id);
  await page.getByRole("button", { name: "Assign to Devices" }).click();
  await page.getByRole("button", { name: `Unassign ${DEVICE.id}` }).waitFor();
  // The device receives the strategy at a heartbeat and confirms it at the next one by echoing its stamp.
  await page.locator(`tr[data-device="${DEVICE.id}"][data-state="applied"]`).waitFor({ timeout: 30_000 });
  await page.getByText("applied 1, pending 0, offline 0").first().waitFor();
  expect(device.stamp).toBeGreaterThan(0);
  const status = (await (await api("GET", `${STRATEGY_API}/status`)).json()) as { counts: unknown; data: { device: string; state: string }[] };
  expect(status.counts).toEqual({ applied: 1, pending: 0, offline: 0 });
  expect(status.data).toMatchObject([{ device: DEVICE.id, state: "applied" }]);
  await look(page, "journey-strategy-applied");

  await page.getByRole("link", { name: DEVICE.id }).click();
  await page.getByRole("heading", { name: `${DEVICE.hostname} (${DEVICE.id})` }).waitFor();
  const card = page.getByRole("region", { name: "Strategy", exact: true });
  await card.locator("dd", { hasText: STRATEGY }).waitFor();
  await card.locator("dd", { hasText: /^applied$/ }).waitFor();
  expect(await (await api("GET", `/api/admin/devices/${DEVICE.id}`)).json()).toMatchObject({ strategy_name: STRATEGY, strategy_state: "applied" });
}, 60_000);

test("Disconnect of a live session reaches the device at its next heartbeat; Audit shows the row live", async () => {
  // Someone connects: the device posts the connection's audit events, then reports it in its heartbeats.
  expect(await client("/api/audit/conn", connOpenedBody(DEVICE, CONN, "0c6d8d3e-5b7a-4c1e-9d2f-1a2b3c4d5e01"))).toBe("200 ");
  expect(await client("/api/audit/conn", connAuthorisedBody(DEVICE, CONN, "0c6d8d3e-5b7a-4c1e-9d2f-1a2b3c4d5e02", ["111222333", "Bob"], "17212712360522741029"))).toBe("200 ");
  device.conns = [CONN];
  expect(await nextReply()).toBe("200 {}");
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
  const from = device.replies.length;
  await dialog.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("status").filter({ hasText: "next heartbeat" }).waitFor();
  // Once: the device closes the connection and reports it no more.
  expect(await replyWhere((r) => r !== "200 {}", from)).toBe(`200 {"disconnect":[${CONN}]}`);
  expect(device.conns).toEqual([]);
  expect(await nextReply()).toBe("200 {}");

  const row = audit.getByRole("row").filter({ hasText: "device.disconnect" });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain(`conns=${CONN}`);
  expect(reads.length).toBe(readsBefore);
  await look(audit, "audit-live");
  await audit.close();
}, 60_000);

test("the device page: its details in sections and its latest connections; an owner set on the Devices page for the selection", async () => {
  await page.goto(`${served.base}/console/devices/${DEVICE.id}`);
  const details = page.getByRole("region", { name: "Details" });
  await details.getByRole("region", { name: "RustDesk" }).getByText("1.4.9").waitFor();
  await details.getByRole("region", { name: "Hardware" }).getByText("15.89GB").waitFor();
  await details.getByRole("region", { name: "Operating system" }).getByText("Windows 10 Pro - 10 (19045)").waitFor();
  const latest = page.getByRole("region", { name: "Latest connections" });
  await latest.getByText("111222333 (Bob)").first().waitFor();
  await latest.getByRole("link", { name: "This device's whole audit log" }).click();
  await page.waitForURL(`**/console/audit?log=conn&device=${DEVICE.id}`);
  await page.getByRole("tab", { name: "Connections", selected: true }).waitFor();

  await page.goto(`${served.base}/console/devices`);
  const row = page.getByRole("row").filter({ hasText: DEVICE.id });
  await row.getByRole("checkbox").check();
  await page.getByLabel("Owner", { exact: true }).selectOption(USER.name);
  await row.getByRole("cell", { name: USER.name, exact: true }).waitFor();
  expect(((await (await api("GET", `/api/admin/devices/${DEVICE.id}`)).json()) as { user_name: string }).user_name).toBe(USER.name);
  await look(page, "devices-owner");
}, 60_000);

test("Enrolment: a key's secret shown once, the config string, and the QR code the mobile client scans", async () => {
  await page.getByRole("link", { name: "Enrolment" }).click();
  await page.getByRole("heading", { name: "Enrolment and API tokens" }).waitFor();
  const config = (await (await api("GET", "/api/admin/client-config")).json()) as { config_string: string; qr_text: string };
  const shown = page.getByLabel("client config string");
  await expect(shown.textContent()).resolves.toBe(config.config_string);
  await page.getByLabel("Name", { exact: true }).fill("front-desk");
  await page.getByLabel("Owner (user name)").fill(USER.name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByText("The secret of front-desk: shown only now").waitFor();
  const secret = (await page.getByLabel("secret", { exact: true }).textContent()) ?? "";
  expect(secret).toMatch(/^rdc_/);
  const lines = page.getByLabel("install lines").getByText(secret, { exact: false });
  await lines.waitFor();
  await expect(lines.textContent()).resolves.toContain(`--user_name ${USER.name}`);
  const keys = (await (await api("GET", "/api/admin/tokens")).json()) as { data: { name: string; kind: string; presets: unknown; owner: string }[] };
  expect(keys.data.find((k) => k.name === "front-desk")).toMatchObject({ kind: "enrol", presets: { user: USER.name } });
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

test("dark mode (the OS setting): every page of the journey reads and fits at both widths", async () => {
  // Two samples of the online-devices chart, as the server's 5-minute job would have taken them, so it is drawn.
  const db = new Database(join(served.cwd, "data", "rdconsole.db"));
  db.exec("PRAGMA busy_timeout = 5000");
  const slot = Date.now() - (Date.now() % 300_000);
  db.prepare("INSERT INTO online_samples (at, online, total) VALUES (?, 1, 1), (?, 1, 1)").run(slot - 600_000, slot - 300_000);
  db.close();
  const dark = await newPage(browser, WIDTHS[0], { colorScheme: "dark" });
  await dark.context().addCookies(await context.cookies());
  const pages: [name: string, path: string, heading: string][] = [
    ["dashboard", "/", "Dashboard"],
    ["users", "/users", "Users"],
    ["user", `/users/${USER.name}`, `${USER.display} (${USER.name})`],
    ["groups", "/groups", "Groups"],
    ["strategies", "/strategies", "Strategies"],
    ["strategy", `/strategies/${encodeURIComponent(STRATEGY)}`, `Strategy ${STRATEGY}`],
    ["devices", "/devices", "Devices"],
    ["device", `/devices/${DEVICE.id}`, `${DEVICE.hostname} (${DEVICE.id})`],
    ["audit", "/audit", "Audit logs"],
    ["enrolment", "/enrolment", "Enrolment and API tokens"],
    ["profile", "/profile", "Profile"],
  ];
  for (const [name, path, heading] of pages) {
    await dark.goto(`${served.base}/console${path}`);
    await dark.getByRole("heading", { name: heading, exact: true }).waitFor();
    await dark.waitForLoadState("networkidle");
    if (name === "dashboard") await dark.getByRole("img", { name: "1 online" }).locator("canvas").waitFor();
    await look(dark, `${name}-dark`);
  }
  await dark.context().clearCookies();
  await dark.goto(`${served.base}/console/sign-in`);
  await dark.getByRole("heading", { name: "Sign in" }).waitFor();
  await look(dark, "sign-in-dark");
  await dark.context().close();
}, 120_000);

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
  await page.getByRole("link", { name: "Audit", exact: true }).click();
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
