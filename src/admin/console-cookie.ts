// The console's session cookie and its CSRF rule. The cookie is the session's secret: HttpOnly (no
// script reads it), SameSite=Strict (no other site's request carries it), Path=/, Secure when the
// server is reached over https. A cookie-authenticated request that changes something must also carry
// X-Rdconsole-Csrf: 1 — a header a page on another origin cannot add without a CORS preflight, which
// server.cors_origins never grants it (src/http/cors.ts allows Authorization and Content-Type only).
// Bearer-token requests do not need it: a browser never adds a token on its own.
import type { Config } from "../config/schema.ts";
import { ServiceError } from "../core/errors.ts";
import { CONSOLE_COOKIE } from "../auth/console.ts";
import { publicBase } from "../sso/flow.ts";

export const CSRF_HEADER = "x-rdconsole-csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export const consoleSecret = (request: Request) => cookieOf(request, CONSOLE_COOKIE) || undefined;

const secure = (config: Config, request: Request) => (publicBase(config, request).startsWith("https:") ? "; Secure" : "");

export const sessionCookie = (config: Config, request: Request, secret: string) => `${CONSOLE_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict${secure(config, request)}`;

export const clearedCookie = (config: Config, request: Request) => `${CONSOLE_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure(config, request)}`;

/** Refuses a cookie-authenticated (or sign-in) write without the CSRF header. */
export function requireCsrf(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers.get(CSRF_HEADER) !== "1") throw new ServiceError("FORBIDDEN", "a console request that changes something needs the header X-Rdconsole-Csrf: 1");
}
