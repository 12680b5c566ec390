// The web console as the server serves it: index.html for page URLs with no-cache and a strict CSP, hashed assets
// cached for a year (gzip when asked), a real 404 for a missing asset, and the first-load budget.
import { beforeAll, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { buildConsole, FIRST_LOAD_BUDGET, type ConsoleBuild } from "../../.ci/console.ts";
import { consoleFiles } from "../../src/system/console-assets.ts";
import { CONSOLE_CSP, consoleRoutes } from "../../src/system/console.ts";
import { tempDir } from "../helpers/env.ts";

let built: ConsoleBuild;
let app: ReturnType<typeof consoleRoutes>;
const get = (path: string, headers: Record<string, string> = {}) => app.handle(new Request(`http://localhost${path}`, { headers }));
const script = () => readdirSync(join(built.outdir, "assets")).find((f) => /^index-.*\.js$/.test(f))!;

beforeAll(async () => {
  built = await buildConsole(join(tempDir(), "console"));
  app = consoleRoutes(() => consoleFiles(built.outdir));
}, 60_000);

test("the first load (HTML, its script and styles, gzipped) is within the budget", () => {
  expect(built.firstLoadGzip).toBeGreaterThan(10_000);
  expect(built.firstLoadGzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
});

test("GET / leads to /console/, and /console to /console/", async () => {
  const root = await get("/");
  expect(root.status).toBe(302);
  expect(root.headers.get("location")).toBe("/console/");
  const bare = await get("/console");
  expect(bare.status).toBe(301);
  expect(bare.headers.get("location")).toBe("/console/");
});

test.each(["/console/", "/console/devices", "/console/devices/123456789?tab=info"])("%s is the app's index.html, not cached, with the CSP", async (path) => {
  const r = await get(path);
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(r.headers.get("cache-control")).toBe("no-cache");
  expect(r.headers.get("content-security-policy")).toBe(CONSOLE_CSP);
  expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
  expect(CONSOLE_CSP).not.toContain("unsafe");
  const html = await r.text();
  expect(html).toContain(`<script type="module" crossorigin src="/console/assets/${script()}">`);
  expect(html).not.toMatch(/https?:\/\//);
});

test("an asset is served with its type, cached for a year, and gzipped when the browser takes gzip", async () => {
  const plain = await get(`/console/assets/${script()}`);
  expect(plain.status).toBe(200);
  expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(plain.headers.get("content-encoding")).toBeNull();
  const body = await plain.text();
  const gz = await get(`/console/assets/${script()}`, { "accept-encoding": "gzip, br" });
  expect(gz.headers.get("content-encoding")).toBe("gzip");
  expect(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString()).toBe(body);
});

test("a missing asset is a 404 with an error, not the app", async () => {
  for (const path of ["/console/assets/index-00000000.js", "/console/assets/styles.css", "/console/assets/"]) {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: expect.stringContaining("no such console file") });
  }
});

test("a source checkout whose console was never built says how to build it", async () => {
  const bare = consoleRoutes(() => consoleFiles(tempDir()));
  const r = await bare.handle(new Request("http://localhost/console/"));
  expect(r.status).toBe(503);
  expect(await r.text()).toContain("bun run build");
});

test("the script and styles the page needs hold no outside URL (works with no internet)", async () => {
  const js = await (await get(`/console/assets/${script()}`)).text();
  expect(js).not.toMatch(/https:\/\/(fonts|cdn|unpkg)/);
});
