// Steps every console browser test repeats: look at a page (axe finds nothing serious, the page fits; screenshots at
// both widths) and sign in through the form, with the second step when the account asks for one.
import { expect } from "bun:test";
import type { Page } from "playwright-core";
import { axeProblems, screenshot, WIDTHS } from "./browser.ts";

/** axe-core on the page at each width (expects no serious or critical finding, and no sideways page scroll), with a
 * screenshot of each. */
export async function look(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: WIDTHS[0], height: 800 };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
    // Usable at phone width: only a table may scroll sideways, inside its own box, never the page.
    const wide = await page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth > w.innerWidth;
    });
    expect({ page: name, width, wide, problems: await axeProblems(page) }).toEqual({ page: name, width, wide: false, problems: [] });
    await screenshot(page, name);
  }
  await page.setViewportSize(before);
}

/** The sign-in form: user and password, then `code` (TOTP or recovery) when a second step is asked for. */
export async function signIn(page: Page, login: string, password: string, code?: string): Promise<void> {
  await page.getByLabel("User name or e-mail").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (code === undefined) return;
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}
