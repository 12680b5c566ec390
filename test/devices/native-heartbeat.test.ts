// The heartbeat is served by a native Bun route in production: exercise that path over a socket.
import { afterAll, expect, test } from "bun:test";
import { addBan } from "../../src/bans/service.ts";
import { testEnv } from "../helpers/env.ts";

const env = testEnv({ "server.trusted_proxies": "127.0.0.1/32", "server.body_limit": "2048" });
const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
const url = `http://127.0.0.1:${server.server!.port}`;
afterAll(() => {
  server.stop(true);
  env.close();
});

const send = async (path: string, body: string, ip = "198.51.100.1", headers: Record<string, string> = {}) => {
  const r = await fetch(`${url}${path}`, { method: "POST", body, headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers } });
  return [r.status, await r.text()] as const;
};

test("the native route answers like the Elysia one", async () => {
  expect(await send("/api/heartbeat", '{"id":"777000777","modified_at":0,"uuid":"dQ==","ver":1004090}')).toEqual([200, '{"sysinfo":true}']);
  expect(await send("/api/sysinfo", '{"hostname":"h","id":"777000777","uuid":"dQ=="}')).toEqual([200, "SYSINFO_UPDATED"]);
  expect(await send("/api/heartbeat", '{"conns":[1],"id":"777000777","modified_at":0,"uuid":"dQ==","ver":1004090}')).toEqual([200, "{}"]);
  env.devicesFlush();
  expect(env.db.select().from((await import("../../src/db/schema.ts")).devicePresence).get()).toMatchObject({ conns: [1], lastIp: "198.51.100.1" });
});

test("bad input, oversize bodies and banned clients get their JSON errors", async () => {
  expect(await send("/api/heartbeat", "{oops")).toEqual([400, '{"error":"malformed request body (expected JSON)"}']);
  expect(await send("/api/heartbeat", "[]")).toEqual([400, '{"error":"invalid body: Expected object"}']);
  expect(await send("/api/heartbeat", '{"id":"1","uuid":"u","conns":[1.5]}')).toEqual([400, '{"error":"invalid body: \\"conns\\" must be a list of at most 1000 integers"}']);
  expect((await send("/api/heartbeat", JSON.stringify({ id: "1", uuid: "u", pad: "x".repeat(5000) })))[0]).toBe(413);
  addBan(env.ctx, { cidr: "203.0.113.0/24", expiresAt: null });
  expect(await send("/api/heartbeat", '{"id":"777000777","modified_at":0,"uuid":"dQ==","ver":1004090}', "203.0.113.9")).toEqual([403, '{"error":"Your IP address is banned from this server"}']);
  expect(await send("/api/heartbeat", '{"id":"unknown","modified_at":0,"uuid":"dQ==","ver":1004090}', "203.0.113.9")).toEqual([403, '{"error":"Your IP address is banned from this server"}']);
  expect((await send("/api/heartbeat", '{"id":"777000777","modified_at":0,"uuid":"dQ==","ver":1004090}', "198.51.100.1"))[0]).toBe(200);
});
