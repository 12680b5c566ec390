// The running server (startServer) with console settings: saved before the start they are in force from
// it (restart keys included); a change over the API and a target saved at runtime reach a login lockout
// and its notification on the same process, with no restart.
import { afterAll, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { loadConfig } from "../../src/config/load.ts";
import { cliActor, type ServiceContext } from "../../src/core/context.ts";
import { createLogger } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { ensureDataDir } from "../../src/lifecycle/data-dir.ts";
import { startServer } from "../../src/server.ts";
import { cliLiveConfig } from "../../src/settings/store.ts";
import { updateSettings } from "../../src/settings/update.ts";
import { createToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { tempDir } from "../helpers/env.ts";

const calls: { headers: Record<string, string>; body: string }[] = [];
const hook = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: async (req) => (calls.push({ headers: Object.fromEntries(req.headers), body: await req.text() }), new Response(null)) });
afterAll(() => hook.stop(true));

test("settings saved before the start are in force; a live change and a saved target reach the next lockout", async () => {
  const loaded = loadConfig({ env: {}, defaultConfigPath: "/nonexistent", flags: { "data.dir": tempDir(), "log.level": "silent", "server.host": "127.0.0.1", "server.port": "0" } });
  ensureDataDir(loaded.config.data.dir);
  const { db, close } = openDb(loaded.config.data.dir);
  const ctx: ServiceContext = { db, config: loaded.config, log: createLogger(loaded.config.log), actor: cliActor(), now: Date.now };
  expect(updateSettings(ctx, cliLiveConfig(loaded, ctx), { "devices.offline_after_seconds": "2m", "lockout.account_failures": 5 }).restart_required).toEqual(["devices.offline_after_seconds"]);
  await createUser(ctx, { name: "alice", password: "alice-password", isAdmin: true });
  const token = createToken(ctx, { name: "root", scopes: { admin: "rw" } }).secret;
  close();

  const server = await startServer(loaded, createLogger(loaded.config.log));
  try {
    const api = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: r.status, json: (await r.json()) as Record<string, unknown> };
    };
    expect((await api("GET", "/api/admin/settings/devices.offline_after_seconds")).json).toMatchObject({ value: 120, source: "console", restart_pending: false });
    expect((await api("PUT", "/api/admin/settings", { "lockout.account_failures": 1 })).json).toMatchObject({ changed: ["lockout.account_failures"], restart_required: [] });
    expect((await api("POST", "/api/admin/notifications", { name: "ops", type: "webhook", url: `http://127.0.0.1:${hook.port}/h`, secret: "k-1", kinds: ["lockout"] })).status).toBe(201);

    const login = await fetch(`${server.url}/api/login`, { method: "POST", body: passwordLoginBody("alice", "wrong"), headers: DART_JSON });
    expect(login.status).toBe(401);
    const locked = await fetch(`${server.url}/api/login`, { method: "POST", body: passwordLoginBody("alice", "alice-password"), headers: DART_JSON });
    expect(locked.status).toBe(429); // one failure locks now (5 before the change)
    for (const end = Date.now() + 3000; !calls.length && Date.now() < end; ) await Bun.sleep(10);
    expect(calls.length).toBe(1);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ event: "lockout", data: { user: "alice" } });
    expect(calls[0]!.headers["x-rdconsole-signature-256"]).toBe(`sha256=${createHmac("sha256", "k-1").update(calls[0]!.body).digest("hex")}`);
  } finally {
    await server.stop();
  }
});
