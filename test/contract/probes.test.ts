// T1 (client-contract.md): the first requests a stock client makes, replayed as the client sends them.
import { afterAll, expect, test } from "bun:test";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());

test("T1: GET /api/login-options as the Dart client sends it → 200 [] as UTF-8 JSON", async () => {
  // Dart package:http with no explicit headers adds Content-Type: application/json (http_service.dart:18).
  const r = await call(env.app, "GET", "/api/login-options", { headers: { "content-type": "application/json", "user-agent": "Dart/3.7 (dart:io)" } });
  expect(r.status).toBe(200);
  expect(r.text).toBe("[]");
  expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
});

test("T1: HEAD /api/login-options (the Rust TLS probe, no headers) → 200, empty body", async () => {
  const r = await call(env.app, "HEAD", "/api/login-options");
  expect(r.status).toBe(200);
  expect(r.text).toBe("");
});

test("GET / (the client's web-console link) leads to the web console", async () => {
  const r = await call(env.app, "GET", "/");
  expect(r.status).toBe(302);
  expect(r.headers.get("location")).toBe("/console/");
});

test("/healthz and /readyz", async () => {
  expect((await call(env.app, "GET", "/healthz")).json()).toEqual({ status: "ok" });
  const ready = await call(env.app, "GET", "/readyz");
  expect(ready.status).toBe(200);
  expect(ready.json()).toEqual({ status: "ok" });
});

test("/readyz → 503 when the database is gone", async () => {
  const e = testEnv();
  e.close();
  const r = await call(e.app, "GET", "/readyz");
  expect(r.status).toBe(503);
  expect(r.json()).toEqual({ error: "database unavailable" });
});

test("/openapi.json documents every route; /openapi serves its UI from this server only", async () => {
  const spec = (await call(env.app, "GET", "/openapi.json")).json() as { info: { title: string }; paths: Record<string, unknown> };
  expect(spec.info.title).toBe("rdconsole");
  const routes = env.app.routes.filter((r) => !r.path.startsWith("/openapi")).map((r) => r.path.replace(/:(\w+)/g, "{$1}"));
  for (const path of routes) expect(Object.keys(spec.paths)).toContain(path);

  const page = await call(env.app, "GET", "/openapi");
  expect(page.status).toBe(200);
  const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(urls).toEqual(["/openapi/assets/swagger-ui.css", "/openapi/assets/swagger-ui-bundle.js"]);
  for (const u of urls) {
    const asset = await call(env.app, "GET", u);
    expect(asset.status).toBe(200);
    expect(asset.text.length).toBeGreaterThan(100_000);
  }
});

test("openapi.enabled = false removes the docs", async () => {
  const e = testEnv({ "openapi.enabled": "false" });
  expect((await call(e.app, "GET", "/openapi.json")).status).toBe(404);
  expect((await call(e.app, "GET", "/openapi")).status).toBe(404);
  e.close();
});
