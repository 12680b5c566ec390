// A user who is not an administrator, in the web console against the compiled binary: the menu holds only what
// they may reach, an administrator's page answers "Not allowed", and the API behind it answers 403.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage } from "../helpers/browser.ts";
import { CSRF, setCookie } from "../helpers/console.ts";
import { look, signIn } from "../helpers/console-browser.ts";
import { serveBinary, type Served } from "../helpers/served-binary.ts";

const BOB = { name: "bob", password: "bob's long password" };
let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveBinary();
  browser = await launchBrowser();
  const code = readFileSync(join(served.cwd, "data", "setup-code"), "utf8").trim();
  const setup = await fetch(`${served.base}/api/admin/setup`, { method: "POST", headers: { ...CSRF, "content-type": "application/json" }, body: JSON.stringify({ setup_code: code, name: "admin", password: "correct horse battery" }) });
  const cookie = setCookie(setup.headers, "rdc_console");
  if (setup.status !== 201 || !cookie) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const created = await fetch(`${served.base}/api/admin/users`, {
    method: "POST",
    headers: { ...CSRF, "content-type": "application/json", cookie: `rdc_console=${cookie.value}` },
    body: JSON.stringify({ name: BOB.name, password: BOB.password, is_admin: false }),
  });
  if (created.status !== 201) throw new Error(`user create: ${created.status} ${await created.text()}`);
  page = await newPage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

test("a non-admin signs in to their profile; the menu offers only what they may reach", async () => {
  await page.goto(`${served.base}/console/`);
  await page.waitForURL("**/console/sign-in");
  await signIn(page, BOB.name, BOB.password);
  await page.waitForURL("**/console/profile");
  await page.getByRole("heading", { name: "Profile" }).waitFor();
  const menu = page.getByRole("navigation", { name: "Menu" });
  await expect(menu.getByRole("link").allTextContents()).resolves.toEqual(["Profile", "My devices", "My sessions"]);
  await look(page, "nonadmin-profile");
}, 60_000);

test.each([
  ["/console/devices", "/api/admin/devices"],
  ["/console/devices/123456789", "/api/admin/devices/123456789"],
  ["/console/audit", "/api/admin/audit/console"],
  ["/console/enrolment", "/api/admin/tokens"],
])("%s answers Not allowed, and %s 403", async (url, route) => {
  await page.goto(`${served.base}${url}`);
  await page.getByRole("heading", { name: "Not allowed" }).waitFor();
  await page.getByText("Your account may not open this page.").waitFor();
  expect(new URL(page.url()).pathname).toBe(url);
  const r = await page.context().request.get(`${served.base}${route}`);
  expect(r.status()).toBe(403);
  expect(((await r.json()) as { code: string }).code).toBe("FORBIDDEN");
}, 60_000);

test("the Not-allowed page passes axe; a write with the cookie and CSRF header is refused too", async () => {
  await page.goto(`${served.base}/console/audit`);
  await page.getByRole("heading", { name: "Not allowed" }).waitFor();
  await look(page, "nonadmin-forbidden");
  const r = await page.context().request.post(`${served.base}/api/admin/tokens`, { headers: CSRF, data: { name: "mine", kind: "enrol" } });
  expect(r.status()).toBe(403);
  const events = await page.context().request.get(`${served.base}/api/admin/events`);
  expect(events.status()).toBe(403);
}, 60_000);

test("the dashboard's URL takes a non-admin to their profile", async () => {
  await page.goto(`${served.base}/console/`);
  await page.waitForURL("**/console/profile");
  await page.getByRole("heading", { name: "Profile" }).waitFor();
}, 60_000);
