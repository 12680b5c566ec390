// The Strategies pages in a real browser against the compiled binary: create a strategy, set a key the lint
// refuses (the error shows next to the key and Save is disabled), fix it and save (the API has the option), assign
// it to a device that heartbeats, and watch the rollout reach "applied"; axe finds nothing; screenshots at both widths.
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Browser, Page } from "playwright-core";
import { axeProblems, launchBrowser, newPage, screenshot, WIDTHS } from "../helpers/browser.ts";
import { serveBinary, type Served } from "../helpers/served-binary.ts";

let served: Served;
let browser: Browser;
let page: Page;
let beating = true;
const DEVICE = "515151515";

const raw = (path: string, body: string) => fetch(`${served.base}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } }).then((r) => r.text());
/** The device's heartbeat, echoing the stamp of the last strategy it received, as the client does. */
async function heartbeats() {
  let stamp = 0;
  while (beating) {
    const reply = JSON.parse(await raw("/api/heartbeat", `{"id":"${DEVICE}","modified_at":${stamp},"uuid":"dQ==","ver":1004090}`)) as { modified_at?: number };
    if (reply.modified_at) stamp = reply.modified_at;
    await Bun.sleep(300);
  }
}
const api = (method: string, path: string) => page.evaluate(async ([m, p]) => (await fetch(p!, { method: m })).json(), [method, path]);

beforeAll(async () => {
  served = await serveBinary();
  browser = await launchBrowser();
  page = await newPage(browser);
  const code = (await served.waitFor(/one-time setup code (\S+)/))[1]!;
  await page.goto(`${served.base}/console/`);
  await page.getByLabel("Setup code").fill(code);
  await page.getByLabel("Administrator name").fill("admin");
  await page.getByLabel("Password").fill("a long enough password 1");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByRole("link", { name: "Strategies" }).first().waitFor();
  expect(await raw("/api/sysinfo", `{"hostname":"pc","id":"${DEVICE}","os":"linux / x","uuid":"dQ==","version":"1.4.9"}`)).toBe("SYSINFO_UPDATED");
  void heartbeats();
}, 60_000);

afterAll(async () => {
  beating = false;
  await browser?.close();
  await served?.stop();
});

test("create, lint inline, fix, save, assign to a live device, applied", async () => {
  await page.goto(`${served.base}/console/strategies`);
  await page.getByText("No strategies yet").waitFor();
  await page.getByLabel("Name").fill("Front desk #1");
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("heading", { name: "Strategy Front desk #1" }).waitFor();

  // A number out of range: the lint's error next to the key, Save disabled.
  const timeout = page.getByLabel("auto-disconnect-timeout", { exact: true });
  await timeout.fill("0");
  const row = page.locator("li", { has: timeout });
  await row.locator('[data-issue="error"]').getByText(/auto-disconnect-timeout: .*1-65535/).waitFor();
  const save = page.getByRole("button", { name: "Save", exact: true });
  expect(await save.isDisabled()).toBe(true);
  await page.getByText("Errors to fix before saving: 1").waitFor();

  await timeout.fill("15");
  await row.locator('[data-issue="error"]').waitFor({ state: "detached" });
  // The combination warning (it needs allow-auto-disconnect=Y) does not block saving.
  await row.locator('[data-issue="warning"]').waitFor();
  await page.getByRole("switch", { name: "enable-file-transfer" }).waitFor({ state: "detached" });
  await page.getByLabel("enable-file-transfer", { exact: true }).click();
  await page.getByRole("switch", { name: "enable-file-transfer" }).click();
  expect(await page.getByRole("switch", { name: "enable-file-transfer" }).getAttribute("aria-checked")).toBe("false");
  await page.getByRole("button", { name: "Save", exact: true, disabled: false }).waitFor();
  await save.click();
  await page.getByRole("status").getByText("Saved").waitFor();
  expect(((await api("GET", "/api/admin/strategies/Front%20desk%20%231")) as { options: unknown }).options).toEqual({ "auto-disconnect-timeout": "15", "enable-file-transfer": "N" });

  // Assign to the heartbeating device; the rollout reaches "applied".
  await page.getByLabel("Devices", { exact: true }).fill(DEVICE);
  await page.getByRole("button", { name: "Assign to Devices" }).click();
  await page.getByRole("button", { name: `Unassign ${DEVICE}` }).waitFor();
  await page.locator(`tr[data-device="${DEVICE}"][data-state="applied"]`).waitFor({ timeout: 30_000 });
  await page.getByText("applied 1, pending 0, offline 0").first().waitFor();
  expect(await axeProblems(page)).toEqual([]);
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: w < 600 ? 844 : 800 });
    await screenshot(page, "strategy");
  }
}, 60_000);

test("a key that points devices elsewhere asks first, then saves with allow_repoint; unassign and assign again", async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${served.base}/console/strategies/Front%20desk%20%231`);
  await page.getByLabel("Search keys").fill("rendezvous");
  await page.getByLabel("custom-rendezvous-server", { exact: true }).fill("rd.example.com");
  await page.locator('[data-issue="warning"]').getByText(/re-points the device/).waitFor();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Point devices at other servers?" });
  await dialog.getByText(/registers with rd\.example\.com/).waitFor();
  await dialog.getByRole("button", { name: "Save anyway" }).click();
  await page.getByRole("status").getByText("Saved").waitFor();
  expect(((await api("GET", "/api/admin/strategies/Front%20desk%20%231")) as { options: Record<string, string> }).options["custom-rendezvous-server"]).toBe("rd.example.com");

  // Unassign: it reaches no device; assigned again, the device is back in the rollout.
  await page.getByRole("button", { name: `Unassign ${DEVICE}` }).click();
  await page.getByText("It applies to no device yet").waitFor();
  expect(((await api("GET", "/api/admin/strategies/Front%20desk%20%231")) as { assigned: { devices: string[] } }).assigned.devices).toEqual([]);
  await page.getByLabel("Devices", { exact: true }).fill(DEVICE);
  await page.getByRole("button", { name: "Assign to Devices" }).click();
  await page.locator(`tr[data-device="${DEVICE}"]`).waitFor();
}, 60_000);

test("the list: counts, default, and delete naming what it is assigned to", async () => {
  await page.goto(`${served.base}/console/strategies`);
  const row = page.locator("tr", { hasText: "Front desk #1" });
  await row.getByText("devices 1, users 0, groups 0", { exact: true }).waitFor();
  await row.getByText("applied 1, pending 0, offline 0", { exact: true }).waitFor({ timeout: 30_000 });
  await row.getByRole("button", { name: "Make default" }).click();
  await row.getByText("default", { exact: true }).waitFor();
  expect(await axeProblems(page)).toEqual([]);
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: w < 600 ? 844 : 800 });
    await screenshot(page, "strategies");
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await row.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete strategy Front desk #1?" });
  await dialog.getByText(/assigned to devices 1, users 0, groups 0 and applies to 1 device/).waitFor();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await page.getByText("No strategies yet").waitFor();
}, 60_000);
