// The console-cookie side of the admin API's auth matrix (next to token-matrix.ts): every route that takes
// an API token also takes an administrator's console sign-in, and refuses everyone else's.
import { asConsole } from "./console.ts";
import type { MatrixCaller } from "./token-matrix.ts";

/**
 * No cookie → 401; an administrator's cookie → `ok` (reads 200); a non-administrator's → 403; an
 * administrator's without the CSRF header → 403 on writes (reads need none). Secrets are console sessions.
 */
export function cookieCallers(c: { admin: string; user: string }, ok: (write: boolean) => number = () => 200): MatrixCaller[] {
  return [
    ["no cookie", {}, () => 401],
    ["an expired or unknown cookie", asConsole("not-a-session"), () => 401],
    ["an administrator's console cookie", asConsole(c.admin), ok],
    ["a non-administrator's console cookie", asConsole(c.user), () => 403],
    ["an administrator's cookie without X-Rdconsole-Csrf", asConsole(c.admin, false), (w) => (w ? 403 : ok(false))],
  ];
}
