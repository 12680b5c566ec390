import { afterAll, describe, expect, test } from "bun:test";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const preflight = (origin: string) => ({
  headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
});

describe("default: any origin (the web client may be hosted anywhere; auth is a bearer token, not a cookie)", () => {
  const env = testEnv();
  afterAll(() => env.close());

  test("preflight on /api/* → 204 with methods and headers", async () => {
    const r = await call(env.app, "OPTIONS", "/api/login", preflight("https://web.example.com"));
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("access-control-allow-methods")).toBe("GET, POST, PUT, PATCH, DELETE");
    expect(r.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
  });

  test("simple request gets Access-Control-Allow-Origin, errors too", async () => {
    const ok = await call(env.app, "GET", "/api/login-options", { headers: { origin: "https://web.example.com" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    const missing = await call(env.app, "GET", "/api/unknown", { headers: { origin: "https://web.example.com" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe("*");
  });

  test("outside /api/* there is no CORS", async () => {
    const r = await call(env.app, "GET", "/healthz", { headers: { origin: "https://web.example.com" } });
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("an explicit origin list", () => {
  const env = testEnv({ "server.cors_origins": "https://web.example.com" });
  afterAll(() => env.close());

  test("listed origin is echoed with Vary: Origin", async () => {
    const r = await call(env.app, "OPTIONS", "/api/login", preflight("https://web.example.com"));
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBe("https://web.example.com");
    expect(r.headers.get("vary")).toBe("Origin");
  });

  test("other origins: preflight refused with JSON, no allow header on requests", async () => {
    const r = await call(env.app, "OPTIONS", "/api/login", preflight("https://evil.example"));
    expect(r.status).toBe(403);
    expect(r.json()).toEqual({ error: "origin https://evil.example is not allowed (server.cors_origins)" });
    const get = await call(env.app, "GET", "/api/login-options", { headers: { origin: "https://evil.example" } });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });
});

test("responses cut short (413) still carry CORS headers, so a browser can read them", async () => {
  const env = testEnv({ "server.body_limit": "1024" });
  const body = "x".repeat(2000);
  const r = await call(env.app, "POST", "/api/login", { raw: body, headers: { origin: "https://web.example.com", "content-type": "application/json", "content-length": String(body.length) } });
  expect(r.status).toBe(413);
  expect(r.headers.get("access-control-allow-origin")).toBe("*");
  env.close();
});
