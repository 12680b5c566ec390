// The console's address books, live sessions, bans and lockouts, and server log in a real browser against the
// compiled binary: set up; a shared book with rules, tags and peers, changed and deleted; a ban added and lifted,
// a locked account unlocked; a device's live session disconnected, the cut found in its next heartbeat reply; the
// server log filtered, then followed Live. axe finds nothing serious on each page; screenshots at 1280 and 390 px
// go to dist/screenshots.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Browser, Page } from "playwright-core";
import { axeProblems, launchBrowser, newPage, screenshot } from "../helpers/browser.ts";
import { UUID } from "../helpers/client.ts";
import { serveBinary, type Served } from "../helpers/served-binary.ts";

let served: Served;
let browser: Browser;
let page: Page;
let narrow: Page;
const T = 60_000;
const url = (path: string) => `${served.base}/console${path}`;

/** The page as a person sees it at 1280 px, checked by axe; then at 390 px (same cookie), screenshots of both. */
async function check(path: string, name: string) {
  expect(await axeProblems(page)).toEqual([]);
  await screenshot(page, name);
  await narrow.goto(url(path));
  await narrow.getByRole("heading", { level: 1 }).waitFor();
  await narrow.waitForLoadState("networkidle");
  await screenshot(narrow, name);
  expect(await axeProblems(narrow)).toEqual([]);
  // No sideways scrolling of the page itself at phone width (tables scroll inside their own box).
  expect(await narrow.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

// The client's own requests (test/helpers/client.ts, test/admin/sessions.test.ts): JSON bodies, no token.
const client = async (path: string, body: Record<string, unknown>) => {
  const r = await fetch(`${served.base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return [r.status, await r.text()] as const;
};
const beat = (id: string, conns: number[]) => client("/api/heartbeat", { conns, id, modified_at: 0, uuid: UUID, ver: 1004090 });

beforeAll(async () => {
  served = await serveBinary();
  const code = (await served.waitFor(/one-time setup code (\S+)/))[1]!;
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(url("/"));
  await page.getByLabel("Setup code").fill(code);
  await page.getByLabel("Administrator name").fill("admin");
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByRole("navigation").getByRole("link", { name: "Address books" }).waitFor();
  narrow = await newPage(browser, 390);
  await narrow.context().addCookies(await page.context().cookies());
}, T);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe("address books", () => {
  test("a shared book: created, shared by rules, tags and peers added, changed and removed, then deleted", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Address books" }).click();
    await page.getByText("No shared books yet").waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel("Name").fill("Ops team");
    await page.getByLabel("Note").fill("Servers of the ops team");
    await page.getByRole("button", { name: "Create book" }).click();
    await page.waitForURL(/\/console\/address-books\/Ops%20team$/);
    await page.getByRole("heading", { level: 1, name: "Ops team" }).waitFor();

    await page.getByLabel("Rule for").selectOption("everyone");
    await page.getByLabel("Permission", { exact: true }).selectOption("rw");
    await page.getByRole("button", { name: "Add rule" }).click();
    const rules = page.getByRole("list", { name: "Who may use it" });
    await rules.getByText("Everyone", { exact: true }).waitFor();
    expect(await rules.getByLabel("Permission of Everyone").inputValue()).toBe("rw");
    // A user's rule: added, its permission changed in place, then removed after a confirmation.
    await page.getByLabel("Rule for").selectOption("user");
    await page.getByLabel("User name").fill("admin");
    await page.getByLabel("Permission", { exact: true }).selectOption("read");
    await page.getByRole("button", { name: "Add rule" }).click();
    await rules.getByText("User admin", { exact: true }).waitFor();
    const answered = page.waitForResponse((r) => r.url().endsWith("/rules") && r.request().method() === "PUT");
    await rules.getByLabel("Permission of User admin").selectOption("full");
    expect((await answered).status()).toBe(200);
    await rules.getByRole("listitem").filter({ hasText: "User admin" }).getByRole("button", { name: "Remove" }).click();
    await page.getByRole("dialog", { name: "Remove the rule of User admin?" }).getByRole("button", { name: "Remove" }).click();
    await rules.getByText("User admin", { exact: true }).waitFor({ state: "detached" });

    await page.getByLabel("Tag name").fill("servers");
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByLabel("Name of tag servers").waitFor();

    await page.getByLabel("RustDesk ID").fill("123456789");
    await page.getByLabel("Alias").fill("Web 1");
    await page.getByRole("textbox", { name: "Tags" }).fill("servers, web");
    await page.getByRole("button", { name: "Add peer" }).click();
    const peers = page.getByRole("table", { name: "Peers" });
    await peers.getByRole("cell", { name: "Web 1" }).waitFor();
    expect(await peers.getByRole("row").nth(1).textContent()).toContain("servers, web");

    await peers.getByRole("button", { name: "Edit peer 123456789" }).click();
    const edit = page.getByRole("form", { name: "Edit peer 123456789" });
    await edit.getByLabel("Alias").fill("Web one");
    await edit.getByRole("button", { name: "Save" }).click();
    await peers.getByRole("cell", { name: "Web one" }).waitFor();

    // The search is the server's, and the URL keeps it.
    await page.getByLabel("RustDesk ID").fill("555666777");
    await page.getByLabel("Alias").fill("Database");
    await page.getByRole("button", { name: "Add peer" }).click();
    await peers.getByRole("cell", { name: "Database" }).waitFor();
    await page.getByRole("searchbox", { name: "Search" }).fill("datab");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/q=datab/);
    await peers.getByRole("cell", { name: "Web one" }).waitFor({ state: "detached" });
    expect(await peers.getByRole("row").count()).toBe(2);
    await peers.getByRole("checkbox", { name: "Select 555666777" }).check();
    await page.getByRole("button", { name: "Remove from book" }).click();
    await page.getByRole("dialog", { name: "Remove 1 peers from “Ops team”?" }).getByRole("button", { name: "Remove from book" }).click();
    await page.getByText("No peer matches this search.").waitFor();
    await page.goto(url("/address-books/Ops%20team"));

    // What the server now holds, through the admin API with the same session.
    type List = { data: Record<string, unknown>[] };
    const held = await page.evaluate(async () => {
      const get = async (p: string) => (await (await fetch(`/api/admin/ab/books/Ops%20team/${p}`)).json()) as List;
      return { peers: await get("peers"), rules: await get("rules"), tags: await get("tags") };
    });
    expect(held.peers.data).toEqual([expect.objectContaining({ id: "123456789", alias: "Web one", tags: ["servers", "web"] })]);
    expect(held.rules.data).toEqual([expect.objectContaining({ user: null, group: null, permission: "rw" })]);
    expect(held.tags.data.map((t) => t.name)).toEqual(["servers", "web"]);
    await check("/address-books/Ops%20team", "address-book");

    // A tag renamed and recoloured (the peer's tag list follows), another deleted after a confirmation.
    const tags = page.getByRole("list", { name: "Tags" });
    const servers = tags.getByRole("listitem").filter({ has: page.getByLabel("Name of tag servers") });
    await servers.getByLabel("Name of tag servers").fill("prod");
    await servers.getByLabel("Colour of tag servers").fill("#ff0000");
    await servers.getByRole("button", { name: "Save" }).click();
    await tags.getByLabel("Name of tag prod").waitFor();
    await tags.getByRole("listitem").filter({ has: page.getByLabel("Name of tag web") }).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete the tag “web”?" }).getByRole("button", { name: "Delete" }).click();
    await tags.getByLabel("Name of tag web").waitFor({ state: "detached" });
    await peers.getByRole("cell", { name: "prod", exact: true }).waitFor();
    const tagsNow = await page.evaluate(async () => ((await (await fetch("/api/admin/ab/books/Ops%20team/tags")).json()) as { data: unknown[] }).data);
    expect(tagsNow).toEqual([{ name: "prod", color: 0xffff0000 }]);

    await page.getByRole("link", { name: "← All address books" }).click();
    await page.getByRole("table", { name: "Address books" }).getByRole("link", { name: "Ops team" }).waitFor();
    await check("/address-books", "address-books");

    // Deleting the book asks first and names it; then the list is empty again.
    await page.getByRole("link", { name: "Ops team" }).click();
    await page.getByRole("button", { name: "Delete book" }).click();
    await page.getByRole("dialog", { name: "Delete the book “Ops team”?" }).getByRole("button", { name: "Delete book" }).click();
    await page.waitForURL(/\/console\/address-books$/);
    await page.getByText("No shared books yet").waitFor();
  }, T);
});

describe("bans", () => {
  test("a ban added through the page is listed, then lifted after a confirmation; a locked account is unlocked", async () => {
    await page.goto(url("/bans"));
    await page.getByText("No address is banned").waitFor();
    await page.getByLabel("Address or range").fill("203.0.113.0/24");
    await page.getByLabel("Expires after").fill("12h");
    await page.getByLabel("Comment").fill("scanner");
    await page.getByRole("button", { name: "Ban", exact: true }).click();
    const bans = page.getByRole("table", { name: "Bans" });
    await bans.getByRole("cell", { name: "203.0.113.0/24" }).waitFor();
    expect(await bans.getByRole("row").nth(1).textContent()).toContain("scanner");
    // Five wrong passwords for admin lock the account (lockout.account_failures); it is listed and unlocked.
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${served.base}/api/admin/login`, { method: "POST", headers: { "content-type": "application/json", "x-rdconsole-csrf": "1" }, body: JSON.stringify({ login: "admin", password: "wrong" }) });
      expect(r.status).toBe(401);
    }
    await page.reload();
    const lockouts = page.getByRole("table", { name: "Login lockouts" });
    await lockouts.getByRole("cell", { name: "admin", exact: true }).waitFor();
    await check("/bans", "bans");
    await lockouts.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("dialog", { name: "Unlock admin?" }).getByRole("button", { name: "Unlock" }).click();
    await page.getByText("Nothing is locked out.").waitFor();

    await bans.getByRole("button", { name: "Lift ban" }).click();
    const dialog = page.getByRole("dialog", { name: "Lift the ban on 203.0.113.0/24?" });
    await dialog.getByRole("button", { name: "Lift ban" }).click();
    await page.getByText("No address is banned").waitFor();
    expect(await page.evaluate(async () => ((await (await fetch("/api/admin/bans")).json()) as { total: number }).total)).toBe(0);
  }, T);
});

describe("live sessions", () => {
  test("a device's session is listed; Disconnect, confirmed, reaches the device in its next heartbeat reply", async () => {
    expect(await client("/api/sysinfo", { hostname: "KIOSK-7", id: "987654321", os: "windows / Windows 11 Pro", uuid: UUID, version: "1.4.9" })).toEqual([200, "SYSINFO_UPDATED"]);
    expect(await beat("987654321", [5])).toEqual([200, "{}"]);
    await page.goto(url("/sessions?device=987654321"));
    const sessions = page.getByRole("table", { name: "Live sessions" });
    await sessions.getByRole("link", { name: /KIOSK-7/ }).waitFor();
    await check("/sessions?device=987654321", "sessions");

    await sessions.getByRole("button", { name: "Disconnect" }).click();
    const dialog = page.getByRole("dialog", { name: /Disconnect .* from KIOSK-7\?/ });
    await dialog.getByText("next heartbeat").waitFor();
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("status").getByText("Disconnect queued: KIOSK-7 closes connection 5 at its next heartbeat").waitFor();
    await sessions.getByText("Disconnecting at next heartbeat").waitFor();
    expect(await beat("987654321", [5])).toEqual([200, '{"disconnect":[5]}']);
  }, T);
});

describe("server log", () => {
  test("shows the server's recent lines, filtered in the URL", async () => {
    await page.goto(url("/log"));
    const lines = page.getByRole("list", { name: "Log lines, newest at the bottom" });
    await lines.getByText("listening on").first().waitFor();
    await check("/log", "server-log");
    await page.getByLabel("Containing").fill("setup code");
    const answered = page.waitForResponse((r) => r.url().includes("/api/admin/log?") && r.url().includes("q=setup+code"));
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/q=setup\+code/);
    await answered;
    // Only the lines that hold the words are left: the setup-code line of the server's first start.
    await lines.getByRole("listitem").filter({ hasText: /one-time setup code/ }).waitFor();
    const shown = await lines.getByRole("listitem").allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) expect(line.toLowerCase()).toContain("setup code");

    // Live: lines written after the stream opened are appended at the bottom as they come.
    await page.goto(url("/log"));
    const opened = page.waitForResponse((r) => r.url().includes("/api/admin/events?log=1"));
    await page.getByLabel("Live").check();
    await opened;
    expect((await fetch(`${served.base}/api/live-probe-${process.pid}`)).status).toBe(404);
    await lines.getByRole("listitem").filter({ hasText: `/api/live-probe-${process.pid}` }).waitFor();
  }, T);
});
