// A real Chromium (Debian's, driven by playwright-core: its own download does not work here), an axe-core check,
// and screenshots kept under dist/screenshots for people to look at.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = join(import.meta.dir, "..", "..", "dist", "screenshots");
export const WIDTHS = [1280, 390] as const;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: \`bun run test:all\` installs it (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM });
}

/** A page of its own context (light unless `colorScheme` says dark); bypassCSP only so axe-core can be injected under the console's strict CSP. */
export async function newPage(browser: Browser, width: number = WIDTHS[0], options: { colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 800 }, bypassCSP: true, locale: "en-US", ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core's serious and critical findings on the page as it is now. */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const w = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown) => Promise<{ violations: AxeViolation[] }> } };
    return (await w.axe.run(w.document)).violations;
  });
  return found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}-${page.viewportSize()?.width ?? 0}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
