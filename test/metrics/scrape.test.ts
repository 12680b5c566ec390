// /metrics on its own listener of a real server, scraped over HTTP after real traffic and read with a real
// Prometheus text-format parser: heartbeats, logins (ok and failed), audit posts, a ban, a delivered webhook.
import { backupCounters } from "../../src/backups/schedule.ts";
import { afterAll, expect, test } from "bun:test";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { loadConfig } from "../../src/config/load.ts";
import { cliActor, type ServiceContext } from "../../src/core/context.ts";
import { createLogger } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { ensureDataDir } from "../../src/lifecycle/data-dir.ts";
import { startServer } from "../../src/server.ts";
import { createToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody, UUID } from "../helpers/client.ts";
import { tempDir } from "../helpers/env.ts";
import { scrape, seriesOf, valueOf } from "./scrape.ts";

const hooks: string[] = [];
const hook = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: async (req) => (hooks.push(await req.text()), new Response(null)) });
afterAll(() => hook.stop(true));

const load = (flags: Record<string, string>) =>
  loadConfig({ env: {}, defaultConfigPath: "/nonexistent", flags: { "data.dir": tempDir(), "log.level": "silent", "server.host": "127.0.0.1", "server.port": "0", ...flags } });

test("a scrape after real traffic reports it, by result and kind, with bounded HTTP labels", async () => {
  const loaded = load({ "metrics.listen": "127.0.0.1:0", "lockout.account_failures": "2", "devices.flush_ms": "50", "notify.device_webhooks": `http://127.0.0.1:${hook.port}/h`, "notify.webhook_secret": "k" });
  ensureDataDir(loaded.config.data.dir);
  const { db, close } = openDb(loaded.config.data.dir);
  const ctx: ServiceContext = { db, config: loaded.config, log: createLogger(loaded.config.log), actor: cliActor(), now: Date.now };
  await createUser(ctx, { name: "alice", password: "alice-password", isAdmin: true });
  const token = createToken(ctx, { name: "root", scopes: { admin: "rw" } }).secret;
  close();

  const server = await startServer(loaded, createLogger(loaded.config.log));
  try {
    expect(server.metricsPort).toBeGreaterThan(0);
    const post = (path: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
      fetch(`${server.url}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
    expect(await (await post("/api/sysinfo", { id: "123456789", uuid: UUID, hostname: "PC" })).text()).toBe("SYSINFO_UPDATED");
    const admin = { "content-type": "application/json", authorization: `Bearer ${token}` };
    expect((await post("/api/admin/strategies", { name: "Desks", options: { "enable-audio": "N" } }, admin)).status).toBe(201);
    expect((await post("/api/admin/strategies/Desks/assign", { devices: ["123456789"] }, admin)).status).toBe(200);
    // The first beat is handed the strategy; the next ones echo its stamp, which confirms it.
    let modifiedAt = 0;
    for (let i = 0; i < 3; i++) {
      const r = await post("/api/heartbeat", { id: "123456789", uuid: UUID, ver: 1, modified_at: modifiedAt });
      expect(r.status).toBe(200);
      modifiedAt = ((await r.json()) as { modified_at?: number }).modified_at ?? modifiedAt;
    }
    expect((await post("/api/heartbeat", "{not json")).status).toBe(400);
    expect((await post("/api/login", passwordLoginBody("alice", "alice-password"), DART_JSON)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await post("/api/login", passwordLoginBody("alice", "wrong"), DART_JSON)).status).toBe(401);
    expect((await post("/api/audit/conn", { action: "new", conn_id: 7, id: "123456789", ip: "10.0.0.1", session_id: 0, uuid: UUID })).status).toBe(200);
    expect((await post("/api/audit/file", { id: "999999999", uuid: UUID, peer_id: "1", conn_id: 1, type: 0, path: "/x", is_file: true, info: "{}" })).status).toBeGreaterThanOrEqual(400);
    const ban = await post("/api/admin/bans", { cidr: "198.51.100.0/24" }, admin);
    expect(ban.status).toBe(201);
    expect((await fetch(`${server.url}/wp-login.php`)).status).toBe(404);
    for (const end = Date.now() + 5000; !hooks.length && Date.now() < end; ) await Bun.sleep(10);
    expect(hooks.length).toBe(1);

    let text = "";
    let families: ReturnType<typeof parsePrometheusTextFormat> = [];
    const v = (name: string, labels: Record<string, string> = {}) => valueOf(families, name, labels);
    // Confirmations are written with presence (devices.flush_ms): scraped until the flush has run.
    for (const end = Date.now() + 5000; Date.now() < end; await Bun.sleep(50)) {
      families = parsePrometheusTextFormat((text = await scrape(server.metricsPort!)));
      if (v("rdconsole_strategy_confirmations_total") > 0) break;
    }
    expect(v("rdconsole_strategy_deliveries_total")).toBe(1);
    expect(v("rdconsole_strategy_confirmations_total")).toBe(1);
    expect(v("rdconsole_heartbeats_total", { result: "ok" })).toBe(3);
    expect(v("rdconsole_heartbeats_total", { result: "refused" })).toBe(1);
    expect(v("rdconsole_devices_registered")).toBe(1);
    expect(v("rdconsole_devices_online")).toBe(1);
    expect(v("rdconsole_devices_pending")).toBe(0);
    expect(v("rdconsole_registrations_total")).toBe(1);
    expect(v("rdconsole_logins_total", { method: "password", result: "ok" })).toBe(1);
    expect(v("rdconsole_logins_total", { method: "password", result: "failed" })).toBe(2);
    expect(v("rdconsole_lockouts_total")).toBe(1); // the second failure locks the account
    expect(v("rdconsole_audit_posts_total", { kind: "conn", result: "accepted" })).toBe(1);
    expect(v("rdconsole_audit_posts_total", { kind: "file", result: "refused" })).toBe(1);
    expect(v("rdconsole_bans_active")).toBe(1);
    expect(v("rdconsole_bans_added_total")).toBe(1);
    expect(v("rdconsole_notifications_total", { result: "ok" })).toBe(1);
    expect(v("rdconsole_notification_queue_depth")).toBe(0);
    expect(v("rdconsole_database_bytes")).toBeGreaterThan(0);
    expect(v("rdconsole_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(v("rdconsole_sse_clients")).toBe(0);
    // Scheduled backups: the process-wide counters of src/backups/schedule.ts (other tests in this process may have run some).
    expect(v("rdconsole_backups_total", { result: "ok" })).toBe(backupCounters.succeeded);
    expect(v("rdconsole_backups_total", { result: "failed" })).toBe(backupCounters.failed);
    // Requests by family and status class: the login family saw one 2xx and two 4xx; a scan is "other";
    // the heartbeat is not in the histogram (counted above), and no label carries an id.
    expect(families.find((f) => f.name === "rdconsole_http_request_duration_seconds")?.type).toBe("HISTOGRAM");
    const requests = seriesOf(text, "rdconsole_http_request_duration_seconds_count");
    const count = (family: string, status: string) => requests.find((m) => m.labels.family === family && m.labels.status === status)?.value ?? 0;
    expect(count("/api/login", "2xx")).toBe(1);
    expect(count("/api/login", "4xx")).toBe(2);
    expect(count("/api/admin/bans", "2xx")).toBe(1);
    expect(count("other", "4xx")).toBe(1);
    expect(count("/api/heartbeat", "2xx") + count("/api/heartbeat", "4xx")).toBe(0);
    expect(JSON.stringify(requests.map((m) => m.labels))).not.toContain("123456789");
    expect(seriesOf(text, "rdconsole_http_request_duration_seconds_bucket").length).toBeGreaterThan(requests.length);

    // Only on its own listener: the main port does not serve it.
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  } finally {
    await server.stop();
  }
});

test("the metrics listener is off by default", async () => {
  const loaded = load({});
  expect(loaded.config.metrics.listen).toBe("");
  const server = await startServer(loaded, createLogger(loaded.config.log));
  try {
    expect(server.metricsPort).toBeUndefined();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  } finally {
    await server.stop();
  }
});

test("a bad metrics.listen is refused by config validation", () => {
  for (const bad of ["9114", "127.0.0.1:99999", "127.0.0.1:", "host name:9114", "::1:9114", "http://127.0.0.1:9114"])
    expect(() => load({ "metrics.listen": bad })).toThrow(/metrics\.listen/);
  expect(load({ "metrics.listen": "[::1]:9114" }).config.metrics.listen).toBe("[::1]:9114");
});

test("a metrics port in use stops the start with a clear error and leaves the data dir usable", async () => {
  const taken = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response(null) });
  try {
    const loaded = load({ "metrics.listen": `127.0.0.1:${taken.port}` });
    await expect(startServer(loaded, createLogger(loaded.config.log))).rejects.toThrow(`cannot listen for metrics on 127.0.0.1:${taken.port} (metrics.listen)`);
    const again = await startServer({ ...loaded, config: { ...loaded.config, metrics: { listen: "" } } }, createLogger(loaded.config.log));
    await again.stop();
  } finally {
    taken.stop(true);
  }
});
