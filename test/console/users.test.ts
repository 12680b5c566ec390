// The Users and Groups pages in a real browser against the compiled binary: first-run setup, a user created and
// disabled through the UI, the invitation refused as the API words it without [smtp], a user group with a member
// and access lists, a device group; axe finds nothing serious, screenshots at 1280 and 390 px.
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Browser, Page } from "playwright-core";
import { DART_JSON, passwordLoginBody, UUID } from "../helpers/client.ts";
import { axeProblems, launchBrowser, newPage, screenshot } from "../helpers/browser.ts";
import { serveBinary, type Served } from "../helpers/served-binary.ts";
import { tempDir } from "../helpers/env.ts";
import { join } from "node:path";

let served: Served;
let browser: Browser;
let page: Page;
const T = 60_000;
const at = (path: string) => `${served.base}/console${path}`;
const api = (path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<Record<string, unknown>>;

beforeAll(async () => {
  // A provider to link an identity of by hand (it is never contacted).
  const config = join(tempDir(), "rdconsole.toml");
  await Bun.write(config, `[[sso.providers]]\nname = "acme"\nkind = "github"\nclient_id = "id"\nclient_secret = "secret"\n`);
  served = await serveBinary({ RDCONSOLE_CONFIG: config });
  browser = await launchBrowser();
  page = await newPage(browser);
}, T);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

test("setup, then create a user through the UI and disable it", async () => {
  const code = (await served.waitFor(/one-time setup code (\S+) /))[1]!;
  await page.goto(at("/"));
  await page.getByLabel("Setup code").fill(code);
  await page.getByLabel("Administrator name").fill("root");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("cell", { name: "root" }).waitFor();
  expect(await axeProblems(page)).toEqual([]);
  for (const w of [1280, 390]) await shot("users", "/users", w);

  await page.getByText("Add a user").click();
  await page.getByLabel("User name").fill("dora");
  await page.getByLabel("E-mail", { exact: true }).fill("dora@example.com");
  await page.getByLabel("Display name").fill("Dora Explorer");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("heading", { name: "Dora Explorer (dora)" }).waitFor();
  expect(page.url()).toEndWith("/console/users/dora");
  await page.getByRole("button", { name: "Disable", exact: true }).click();
  // Named by its own title, though the page holds several confirmations.
  const dialog = page.getByRole("dialog", { name: "Disable dora?" });
  await dialog.getByText("dora can no longer sign in").waitFor();
  await dialog.getByRole("button", { name: "Disable", exact: true }).click();
  await page.getByRole("button", { name: "Enable", exact: true }).waitFor();
  expect(await page.locator("dd", { hasText: /^Disabled$/ }).count()).toBe(1);
  expect(await api("/api/admin/users/dora")).toMatchObject({ status: 0, email: "dora@example.com" });

  await page.goto(at("/users?q=dor"));
  const row = page.getByRole("row", { name: /dora/ });
  await row.waitFor();
  expect(await row.textContent()).toContain("Disabled");
  expect(await page.getByRole("row").count()).toBe(2);
}, T);

test("an invitation without [smtp] shows the API's refusal", async () => {
  await page.goto(at("/users"));
  await page.getByText("Add a user").click();
  await page.getByLabel("Invite by e-mail").check();
  await page.getByLabel("User name").fill("ivan");
  await page.getByLabel("E-mail", { exact: true }).fill("ivan@example.com");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByRole("alert").getByText("[smtp] is not configured").waitFor();
  expect((await api("/api/admin/users?search=ivan")).total).toBe(0);
}, T);

test("a new user group gets the user as a member and access lists", async () => {
  await page.goto(at("/groups/devices"));
  await page.getByLabel("Name").fill("Kiosks");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("heading", { name: "Kiosks" }).waitFor();
  expect(await axeProblems(page)).toEqual([]);

  await page.getByRole("link", { name: "User groups" }).click();
  await page.getByRole("cell", { name: "Default" }).waitFor();
  expect(await axeProblems(page)).toEqual([]);
  await page.getByLabel("Name").fill("Sales");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("heading", { name: "Sales" }).waitFor();
  expect(page.url()).toEndWith("/console/groups/users/Sales");
  await page.getByText("No members yet").waitFor();
  await page.getByLabel("Add a user").selectOption("dora");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Remove dora" }).waitFor();

  await page.getByRole("group", { name: "Members may see these device groups" }).getByLabel("Kiosks").check();
  await page.getByRole("group", { name: "These users may see the members and their devices" }).getByLabel("root").check();
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").getByText("Saved.").waitFor();
  expect(await api("/api/admin/groups/Sales")).toMatchObject({ members: [{ name: "dora" }], can_access_device_groups: ["Kiosks"], accessible_by_users: ["root"] });
  expect(await axeProblems(page)).toEqual([]);
  for (const w of [1280, 390]) await shot("group", "/groups/users/Sales", w);
  for (const w of [1280, 390]) await shot("groups-devices", "/groups/devices", w);

  await page.goto(at("/users/dora"));
  await page.locator("dd", { hasText: /^Sales$/ }).waitFor();
  expect(await axeProblems(page)).toEqual([]);
  for (const w of [1280, 390]) await shot("user", "/users/dora", w);
  await page.goto(at("/users?group=Sales"));
  await page.getByRole("row", { name: /dora/ }).waitFor();
  expect(await page.getByRole("row").count()).toBe(2);
}, 2 * T);

test("deleting a user names it and takes it off the list", async () => {
  await page.goto(at("/users/dora"));
  await page.getByRole("button", { name: "Delete user" }).click();
  await page.getByRole("dialog", { name: "Delete dora?" }).getByText("The account dora is deleted").waitFor();
  await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
  await page.waitForURL(/\/console\/users$/);
  await page.getByRole("cell", { name: "root" }).waitFor();
  expect(await page.getByRole("cell", { name: "dora" }).count()).toBe(0);
}, T);

test("a user's client sessions, SSO links and devices: end one, unlink one; administrator on and off", async () => {
  const send = (method: string, path: string, body?: unknown) =>
    page.evaluate(async ([m, p, b]) => (await fetch(p as string, { method: m as string, headers: { "content-type": "application/json", "x-rdconsole-csrf": "1" }, body: b === undefined ? undefined : JSON.stringify(b) })).status, [method, path, body] as const);
  expect(await send("POST", "/api/admin/users", { name: "erin", password: "erin's long password" })).toBe(201);
  const login = await fetch(`${served.base}/api/login`, { method: "POST", headers: DART_JSON, body: passwordLoginBody("erin", "erin's long password") });
  expect(login.status).toBe(200);
  expect(await send("POST", "/api/admin/users/erin/sso-links", { provider: "acme", subject: "erin-at-acme" })).toBe(201);
  const sysinfo = await fetch(`${served.base}/api/sysinfo`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hostname: "ERIN-PC", id: "555000111", uuid: UUID, os: "Linux" }) });
  expect(await sysinfo.text()).toBe("SYSINFO_UPDATED");
  expect(await send("PATCH", "/api/admin/devices/555000111", { owner: "erin" })).toBe(200);

  await page.goto(at("/users/erin"));
  await page.getByRole("link", { name: "555000111" }).waitFor();
  await page.getByText("acme · erin-at-acme").waitFor();
  await page.getByText(/^ALICE-PC \(windows\) · /).waitFor();
  expect(await axeProblems(page)).toEqual([]);

  await page.getByRole("button", { name: "End", exact: true }).click();
  await page.getByRole("dialog").getByText("erin's login on ALICE-PC (windows) ends").waitFor();
  await page.getByRole("dialog").getByRole("button", { name: "End", exact: true }).click();
  await page.getByText("Not signed in anywhere.").waitFor();
  expect((await api("/api/admin/users/erin/sessions")).total).toBe(0);

  await page.getByRole("button", { name: "Unlink" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unlink" }).click();
  await page.getByText("No sign-in provider is linked.").waitFor();

  await page.getByRole("button", { name: "Make administrator" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Make administrator" }).click();
  await page.getByRole("button", { name: "Remove administrator" }).waitFor();
  expect(await api("/api/admin/users/erin")).toMatchObject({ is_admin: true });
  await page.getByRole("button", { name: "Remove administrator" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove administrator" }).click();
  await page.getByRole("button", { name: "Make administrator" }).waitFor();
  expect(await api("/api/admin/users/erin")).toMatchObject({ is_admin: false });
}, T);

/** A screenshot of `path` at `width`, in a page of its own signed in with the test page's cookie. */
async function shot(name: string, path: string, width: number) {
  if (width === 1280) {
    await page.goto(at(path));
    await page.getByRole("main").waitFor();
    await page.waitForLoadState("networkidle");
    return screenshot(page, name);
  }
  const narrow = await newPage(browser, width);
  await narrow.context().addCookies(await page.context().cookies());
  await narrow.goto(at(path));
  await narrow.waitForLoadState("networkidle");
  const wide = await narrow.evaluate(() => {
    const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return w.document.documentElement.scrollWidth > w.innerWidth;
  });
  expect({ path, wide }).toEqual({ path, wide: false });
  await screenshot(narrow, name);
  await narrow.context().close();
}
