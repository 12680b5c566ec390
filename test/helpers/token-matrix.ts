// The token matrix of rdconsole's admin routes: each caller's status on each route, and a refusal's machine code.
import { expect, test } from "bun:test";
import { call } from "./http.ts";

type App = Parameters<typeof call>[0];
export type MatrixRoute = [method: string, path: string, body?: unknown];
export type MatrixCaller = [who: string, headers: Record<string, string>, want: (write: boolean) => number];

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** The callers every area is tried with: none, a bad token, another area's, a revoked one, and its read-only token. */
export function areaCallers(t: { other: string; gone: string; ro: string }, roLabel: string, otherLabel = "a token of another area"): MatrixCaller[] {
  return [
    ["no token", {}, () => 401],
    ["a bad token", bearer("rdc_not-a-real-token-at-all"), () => 401],
    [otherLabel, bearer(t.other), () => 403],
    ["a revoked token", bearer(t.gone), () => 401],
    [roLabel, bearer(t.ro), (w) => (w ? 403 : 200)],
  ];
}

/** One test per route and caller; a route writes when `isWrite` says so (default: any method but GET). */
export function tokenMatrix(app: App, routes: MatrixRoute[], callers: MatrixCaller[], isWrite = (method: string, _path: string) => method !== "GET") {
  for (const [method, path, body] of routes)
    test.each(callers)(`${method} ${path}: %s`, async (_who, headers, want) => {
      const r = await call(app, method, path, { headers, body });
      const expected = want(isWrite(method, path));
      expect(r.status).toBe(expected);
      if (expected >= 400) expect((r.json() as { code: string }).code).toBe(expected === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    });
}
