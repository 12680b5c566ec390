// Oversized request headers get 431 {"error"} from the gate (in-process here; test/e2e/hostile.test.ts
// covers the binary, where Bun's own limit sits above ours).
import { afterAll, expect, test } from "bun:test";
import { HEADER_LIMIT, headerBytes } from "../../src/http/header-limit.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());

test("a 100 KB Authorization header → 431 JSON", async () => {
  const r = await call(env.app, "POST", "/api/currentUser", { headers: { authorization: `Bearer ${"x".repeat(100_000)}` } });
  expect(r.status).toBe(431);
  expect(r.headers.get("connection")).toBe("close");
  expect(r.json()).toEqual({ error: `request headers too large (limit ${HEADER_LIMIT} bytes)` });
});

test("many headers count together", async () => {
  const headers = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`x-h${i}`, "y".repeat(500)]));
  const r = await call(env.app, "GET", "/api/login-options", { headers });
  expect(r.status).toBe(431);
});

test("ordinary headers pass, and are counted as on the wire", async () => {
  const request = new Request("http://localhost/api/login-options", { headers: { authorization: "Bearer abc" } });
  expect(headerBytes(request)).toBeLessThan(200);
  expect((await call(env.app, "GET", "/api/login-options", { headers: { authorization: "Bearer abc" } })).status).toBe(200);
});
