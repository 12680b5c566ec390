// The web console under /console/: the single-page app's index.html (no-cache, strict CSP) for every page URL, its
// content-hashed assets (cached for a year, gzip when the browser takes it), and a real 404 for a missing asset
// so a stale page never gets index.html for a script. GET / leads here: the client's "web console" menu opens the
// API base URL (client: flutter/lib/common/widgets/address_book.dart:436-440 (rustdesk@7423dced)).
import { Elysia } from "elysia";
import { errorResponse } from "../http/errors.ts";
import { consoleFiles, type ConsoleFiles } from "./console-assets.ts";

export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  html: "text/html; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  woff2: "font/woff2",
  json: "application/json; charset=utf-8",
};
const typeOf = (path: string) => TYPES[path.slice(path.lastIndexOf(".") + 1)] ?? "application/octet-stream";
const COMMON = { "x-content-type-options": "nosniff", "referrer-policy": "same-origin" };

function file(files: ConsoleFiles, path: string, acceptEncoding: string | null, headers: Record<string, string>): Response | undefined {
  const body = files.get(path);
  if (!body) return undefined;
  const gz = acceptEncoding?.includes("gzip") ? files.get(`${path}.gz`) : undefined;
  const h: Record<string, string> = { ...COMMON, ...headers, "content-type": typeOf(path), vary: "accept-encoding" };
  if (gz) h["content-encoding"] = "gzip";
  return new Response(gz ?? body, { headers: h });
}

const notBuilt = () =>
  new Response("The web console is not built in this source checkout: run `bun run build` (or `bun .ci/console.ts`).\n", {
    status: 503,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache" },
  });

export function consoleRoutes(source: () => ConsoleFiles | undefined = consoleFiles) {
  let files: ConsoleFiles | undefined;
  const current = () => (files ??= source());
  const index = (request: Request) => {
    const f = current();
    if (!f) return notBuilt();
    return file(f, "index.html", request.headers.get("accept-encoding"), { "cache-control": "no-cache", "content-security-policy": CONSOLE_CSP, "x-frame-options": "DENY" }) ?? notBuilt();
  };
  return new Elysia({ name: "rdconsole/console", detail: { tags: ["web console"] } })
    .get("/", ({ redirect }) => redirect("/console/", 302), { detail: { summary: "Leads to the web console", description: "Opened by the client's web-console menu item." } })
    // The router takes "/console/" for "/console" too: only the bare path is sent on.
    .get("/console", ({ request, redirect }) => (new URL(request.url).pathname === "/console" ? redirect("/console/", 301) : index(request)), {
      detail: { summary: "The web console's start page" },
    })
    .get(
      "/console/*",
      ({ request, params }) => {
        const path = params["*"];
        if (!path.startsWith("assets/")) return index(request);
        const f = current();
        const hit = f && file(f, path, request.headers.get("accept-encoding"), { "cache-control": "public, max-age=31536000, immutable" });
        return hit ?? errorResponse(404, `no such console file: /console/${path}`);
      },
      { detail: { summary: "The web console", description: "index.html for every page URL; /console/assets/* are the built, content-hashed files (404 when missing)." } },
    );
}
