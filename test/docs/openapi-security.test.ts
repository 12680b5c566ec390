// The API docs let a reader authorize with a Bearer token (a login token or an API token) or the console cookie.
import { afterAll, expect, test } from "bun:test";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());

test("/openapi.json declares a bearer scheme and the console's cookie, and uses them", async () => {
  const spec = (await call(env.app, "GET", "/openapi.json")).json() as { components: { securitySchemes: Record<string, Record<string, string>> }; security: Record<string, string[]>[] };
  expect(spec.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  expect(spec.components.securitySchemes.console).toMatchObject({ type: "apiKey", in: "cookie", name: "rdc_console" });
  expect(spec.security).toEqual([{ bearer: [] }, { console: [] }]);
});
