// Console sign-in in tests: a browser's requests with the session cookie and the CSRF header.
import { call, type CallOptions, type Reply } from "./http.ts";

type App = Parameters<typeof call>[0];
export const CSRF = { "x-rdconsole-csrf": "1" };

/** The value of `name` in a reply's Set-Cookie headers, or undefined. */
export function setCookie(headers: Headers, name: string): { value: string; line: string } | undefined {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (pair!.slice(0, eq) === name) return { value: pair!.slice(eq + 1), line };
  }
  return undefined;
}

/** The headers of a signed-in browser: the cookie, and the CSRF header unless `csrf` is false. */
export const asConsole = (secret: string, csrf = true): Record<string, string> => ({ cookie: `rdc_console=${secret}`, ...(csrf ? CSRF : {}) });

/** Password sign-in over HTTP; the session cookie's value. */
export async function consoleSignIn(app: App, login: string, password: string): Promise<string> {
  const r = await call(app, "POST", "/api/admin/login", { headers: CSRF, body: { login, password } });
  const cookie = setCookie(r.headers, "rdc_console");
  if (r.status !== 200 || !cookie) throw new Error(`sign-in as ${login} failed: ${r.status} ${r.text}`);
  return cookie.value;
}

/** A request as a signed-in browser. */
export const asUser = (app: App, secret: string, method: string, path: string, o: CallOptions = {}): Promise<Reply> =>
  call(app, method, path, { ...o, headers: { ...asConsole(secret), ...o.headers } });
