// GET /api/admin/status (the server's own state) and the public GET /api/server-info: fields present with the
// right types and plausible values, the counters moved by heartbeats and device audit posts, server-info on
// and off, and nothing secret in it.
import { afterAll, describe, expect, test } from "bun:test";
import { VERSION } from "../../src/core/version.ts";
import { createToken } from "../../src/tokens/service.ts";
import { UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const ro = createToken(env.ctx, { name: "viewer", scopes: { admin: "r" } }).secret;
const status = async () => {
  const r = await call(env.app, "GET", "/api/admin/status", { headers: { authorization: `Bearer ${ro}` } });
  expect(r.status).toBe(200);
  return r.json() as Record<string, any>;
};
const post = (path: string, body: unknown) => call(env.app, "POST", path, { body });

describe("status", () => {
  test("every field, with its type and a plausible value", async () => {
    const s = await status();
    expect(s).toEqual({
      version: VERSION,
      commit: expect.any(String),
      started_at: new Date(env.ctx.now()).toISOString(),
      uptime_seconds: 0,
      listen: { host: env.config.server.host, port: env.config.server.port },
      public_url: null,
      database: { path: `${env.config.data.dir}/rdconsole.db`, size_bytes: expect.any(Number), wal_bytes: expect.any(Number) },
      memory: { rss_bytes: expect.any(Number), heap_bytes: expect.any(Number) },
      heartbeats: { handled: 0, per_second: 0 },
      audit_posts: { accepted: 0, refused: 0 },
      notifications: null, // no notifier in-process
    });
    expect(s.database.size_bytes).toBeGreaterThanOrEqual(4096);
    expect(s.memory.rss_bytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(s.memory.rss_bytes).toBeLessThan(64 * 1024 ** 3);
    env.advance(90_000);
    expect((await status()).uptime_seconds).toBe(90);
  });

  test("heartbeats handled and audit posts accepted or refused, as the device endpoints answer them", async () => {
    expect((await post("/api/sysinfo", { hostname: "PC", id: "123456789", uuid: UUID, os: "Linux" })).text).toBe("SYSINFO_UPDATED");
    for (let i = 0; i < 3; i++) expect((await post("/api/heartbeat", { id: "123456789", uuid: UUID })).status).toBe(200);
    expect((await post("/api/heartbeat", { uuid: UUID })).status).toBe(400); // not a heartbeat: not counted
    expect((await post("/api/audit/alarm", { id: "123456789", uuid: UUID, typ: 1, info: "{}" })).status).toBe(200);
    expect((await post("/api/audit/alarm", { id: "999999999", uuid: UUID, typ: 1, info: "{}" })).status).toBe(403); // unknown device
    expect((await call(env.app, "POST", "/api/audit/file", { raw: "{not json", headers: { "content-type": "application/json" } })).status).toBe(400);
    env.advance(3000);
    const s = await status();
    expect(s.heartbeats.handled).toBe(3);
    expect(s.heartbeats.per_second).toBe(1); // 3 beats over the 3 s since the last reading
    expect(s.audit_posts).toEqual({ accepted: 1, refused: 2 });
  });

  test("with a notifier, its queue; with the server listening, the bound address", async () => {
    const { createApp } = await import("../../src/app.ts");
    const app = createApp({ config: env.config, db: env.db, sqlite: env.sqlite, log: env.ctx.log, now: env.ctx.now, notifications: () => ({ pending: 2, delivered: 5, failed: 1, dropped: 0 }) });
    const server = app.listen({ hostname: "127.0.0.1", port: 0 });
    try {
      const r = await fetch(`http://127.0.0.1:${server.server!.port}/api/admin/status`, { headers: { authorization: `Bearer ${ro}` } });
      const s = (await r.json()) as Record<string, any>;
      expect(s.notifications).toEqual({ pending: 2, delivered: 5, failed: 1, dropped: 0 });
      expect(s.listen).toEqual({ host: "127.0.0.1", port: server.server!.port });
    } finally {
      await app.stop(true);
    }
  });
});

describe("server-info", () => {
  const providers = JSON.stringify([{ name: "github", kind: "github", client_id: "gh-client", client_secret: "gh-very-secret", label: "GitHub SSO" }]);

  test("on (the default): name, version, API URL and the login options, without sign-in; nothing secret", async () => {
    const on = testEnv({ "server.public_url": "https://rd.example.com/", "sso.providers": providers, "auth.secret_key": "A".repeat(43) + "=" });
    const r = await call(on.app, "GET", "/api/server-info");
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ name: "rd.example.com", version: VERSION, api_url: "https://rd.example.com", password_login: true, login_options: ["oidc/github"], sso_providers: [{ name: "github", label: "GitHub SSO" }] });
    // The same list the client's login dialog reads.
    expect(r.json()).toMatchObject({ login_options: (await call(on.app, "GET", "/api/login-options")).json() });
    for (const secret of ["gh-very-secret", "gh-client", "AAAAAAAA", on.config.data.dir]) expect(r.text).not.toContain(secret);
    on.close();
  });

  test("server.name wins; without a public URL the request's origin is the API URL", async () => {
    const named = testEnv({ "server.name": "ACME support" });
    expect((await call(named.app, "GET", "/api/server-info")).json()).toMatchObject({ name: "ACME support", api_url: "http://localhost", login_options: [], sso_providers: [] });
    named.close();
  });

  test("off: 404, as a route that does not exist", async () => {
    const off = testEnv({ "server.public_info": "false" });
    const r = await call(off.app, "GET", "/api/server-info");
    expect([r.status, r.json()]).toEqual([404, { error: "not found: GET /api/server-info" }]);
    off.close();
  });
});
