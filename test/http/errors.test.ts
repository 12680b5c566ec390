// The global error envelope, exercised through a probe route mounted on the real app.
import { afterAll, describe, expect, test } from "bun:test";
import { t } from "elysia";
import { ServiceError } from "../../src/core/errors.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv({ "server.body_limit": "2048" });
const app = env.app
  .post("/probe", ({ body }) => ({ got: body.name }), { body: t.Object({ name: t.String({ maxLength: 10 }), n: t.Optional(t.Number()) }) })
  .get("/probe/conflict", () => {
    throw new ServiceError("CONFLICT", "a user named \"x\" already exists");
  })
  .get("/probe/crash", () => {
    throw new Error("SELECT secret FROM internals");
  });
afterAll(() => env.close());

describe("error envelope", () => {
  test.each([
    ["wrong type", { body: { name: 5 } }, 400, "invalid body: Expected property 'name' to be string but found: 5"],
    ["missing field", { body: {} }, 400, "invalid body: missing property \"name\""],
    ["too long", { body: { name: "x".repeat(11) } }, 400, "invalid body: Expected string length less or equal to 10"],
    ["malformed JSON", { raw: "{oops", headers: { "content-type": "application/json" } }, 400, "malformed request body (expected JSON)"],
  ])("%s → 400 JSON", async (_name, options, status, message) => {
    const r = await call(app, "POST", "/probe", options);
    expect(r.status).toBe(status);
    expect(r.headers.get("content-type")).toStartWith("application/json");
    expect(r.json()).toEqual({ error: message });
  });

  test("unknown route → 404 JSON", async () => {
    const r = await call(app, "GET", "/api/nothing-here");
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ error: "not found: GET /api/nothing-here" });
  });

  test("wrong method → 405 JSON with Allow", async () => {
    const r = await call(app, "DELETE", "/api/login-options");
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, HEAD");
    expect(r.json()).toEqual({ error: "method DELETE not allowed on /api/login-options" });
  });

  test("oversize body (declared length) → 413 JSON before the body is read", async () => {
    const body = JSON.stringify({ name: "x".repeat(5000) });
    const r = await call(app, "POST", "/probe", { raw: body, headers: { "content-type": "application/json", "content-length": String(body.length) } });
    expect(r.status).toBe(413);
    expect(r.json()).toEqual({ error: "request body too large (limit 2048 bytes)" });
  });

  test("service errors keep their message and map to their status", async () => {
    const r = await call(app, "GET", "/probe/conflict");
    expect(r.status).toBe(409);
    expect(r.json()).toEqual({ error: 'a user named "x" already exists' });
  });

  test("an unexpected error is a 500 that leaks nothing", async () => {
    const r = await call(app, "GET", "/probe/crash");
    expect(r.status).toBe(500);
    expect(r.json()).toEqual({ error: "internal server error" });
  });
});

/** A body sent with Transfer-Encoding: chunked, i.e. without a Content-Length. */
function chunked(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const part of parts) c.enqueue(new TextEncoder().encode(part));
      c.close();
    },
  });
}

describe("over a real socket", () => {
  const server = app.listen({ hostname: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${server.server!.port}`;
  afterAll(() => server.stop(true));

  test("oversize chunked body (no length) → 413 JSON", async () => {
    const r = await fetch(`${base}/probe`, { method: "POST", body: chunked(`{"name":"${"x".repeat(10_000)}`, '"}'), headers: { "content-type": "application/json" } });
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({ error: "request body too large (limit 2048 bytes)" });
  });

  test("small chunked JSON body is parsed normally", async () => {
    const r = await fetch(`${base}/probe`, { method: "POST", body: chunked('{"name":"ok"}'), headers: { "content-type": "application/json" } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ got: "ok" });
  });

  test("oversize declared body → 413 JSON, not Bun's bare 413", async () => {
    const r = await fetch(`${base}/probe`, { method: "POST", body: "x".repeat(3 * 1024 * 1024), headers: { "content-type": "application/json" } });
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({ error: "request body too large (limit 2048 bytes)" });
  });
});
