// The device routes served natively (audit posts, recording uploads) answer like the Elysia
// pipeline: bans, declared and chunked oversize bodies, malformed bodies, CORS — and a post past the
// audit budget is refused before its body is read.
import { afterAll, expect, test } from "bun:test";
import { addBan } from "../../src/bans/service.ts";
import { testEnv } from "../helpers/env.ts";

const env = testEnv({ "server.trusted_proxies": "127.0.0.1/32", "server.body_limit": "1KiB", "audit.posts_per_minute": "600", "recording.enabled": "true" });
const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
afterAll(() => server.stop(true));
const base = `http://127.0.0.1:${server.server!.port}`;
const post = async (path: string, body: string | ReadableStream, headers: Record<string, string> = {}) => {
  const r = await fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  return [r.status, await r.text(), r.headers.get("access-control-allow-origin")] as const;
};

test("ban, oversize (declared and chunked), malformed, CORS", async () => {
  addBan(env.ctx, { cidr: "203.0.113.66/32", expiresAt: null });
  for (const path of ["/api/audit/conn", "/api/audit/file", "/api/audit/alarm", "/api/record?type=new&file=a.webm"]) {
    expect(await post(path, "{}", { "x-forwarded-for": "203.0.113.66" })).toEqual([403, '{"error":"Your IP address is banned from this server"}', null]);
  }
  const big = "x".repeat(2000);
  expect(await post("/api/audit/alarm", big)).toEqual([413, '{"error":"request body too large (limit 1024 bytes)"}', null]);
  const chunked = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(big));
      c.close();
    },
  });
  expect(await post("/api/audit/alarm", chunked)).toEqual([413, '{"error":"request body too large (limit 1024 bytes)"}', null]);
  expect(await post("/api/audit/alarm", "{not json")).toEqual([400, '{"error":"malformed request body (expected JSON)"}', null]);
  // A browser's origin gets the CORS header, as on every /api/* route.
  expect(await post("/api/audit/alarm", '{"id":"1","typ":1,"uuid":"dQ=="}', { origin: "https://web.example.com" })).toEqual([403, '{"error":"unknown device"}', "*"]);
  // Other methods fall through to the framework: JSON 405 with Allow.
  const get = await fetch(`${base}/api/audit/alarm`);
  expect([get.status, get.headers.get("allow"), await get.text()]).toEqual([405, "POST", '{"error":"method GET not allowed on /api/audit/alarm"}']);
});

test("past the audit budget: 429 at once, without waiting for a body that never ends", async () => {
  // audit.posts_per_minute 600 = 10 a second; spend them.
  for (let i = 0; i < 20 && (await post("/api/audit/alarm", '{"id":"1","typ":1,"uuid":"dQ=="}'))[0] !== 429; i++);
  const endless = new ReadableStream({ pull: () => new Promise(() => {}) });
  const started = performance.now();
  const r = await fetch(`${base}/api/audit/alarm`, { method: "POST", body: endless, headers: { "content-type": "application/json" } });
  expect([r.status, await r.text()]).toEqual([429, '{"error":"too many audit posts; retry later"}']);
  expect(performance.now() - started).toBeLessThan(2000);
});
