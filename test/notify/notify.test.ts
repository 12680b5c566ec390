// Notifications end to end: events published by the services (alarm post, lockout, new device)
// reach a real HTTP receiver on loopback, signed, retried after a failure; e-mail through a real
// SMTP server; the queue's bounds; nothing for a transaction that rolled back; `notify test`.
import { afterAll, afterEach, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { withTransaction } from "../../src/core/context.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { createDeliverer } from "../../src/notify/deliver.ts";
import { publish, subscribe, type NotifyEvent } from "../../src/notify/events.ts";
import { startNotifier, type Notifier } from "../../src/notify/notifier.ts";
import { createUser } from "../../src/users/service.ts";
import { runCli } from "../helpers/cli.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { tempDir, testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";
import { startSmtp } from "../helpers/smtp.ts";

const SECRET = "s3cret-for-hmac";

/** A webhook receiver on loopback: answers each call with the next status of `script` (then 200). */
function receiver(script: (number | "hang")[] = []) {
  const calls: { headers: Record<string, string>; body: string; status: number | "hang" }[] = [];
  const hung: (() => void)[] = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(req) {
      const body = await req.text();
      const status = script.shift() ?? 200;
      calls.push({ headers: Object.fromEntries(req.headers), body, status });
      if (status === "hang") await new Promise<void>((r) => hung.push(r));
      return new Response(null, { status: status === "hang" ? 200 : status });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/hook`, calls, release: () => hung.splice(0).forEach((r) => r()), stop: () => server.stop(true) };
}

const until = async (ok: () => boolean, ms = 3000) => {
  for (const end = Date.now() + ms; !ok(); await Bun.sleep(10)) if (Date.now() > end) throw new Error("timed out waiting");
};

let notifier: Notifier | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  await notifier?.stop(0);
  notifier = undefined;
});
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

test("an alarm post reaches the webhook signed; a failed delivery is retried with the same id", async () => {
  const hook = receiver([500]);
  cleanups.push(hook.stop);
  const env = testEnv({ "notify.alarm_webhooks": hook.url, "notify.webhook_secret": SECRET });
  notifier = startNotifier(env.config, env.ctx.log, createDeliverer(env.config, createMailer(env.config.smtp)), { retryBaseMs: 20 });
  expect((await call(env.app, "POST", "/api/sysinfo", { body: { hostname: "PC", id: "123456789", uuid: "dQ==" } })).text).toBe("SYSINFO_UPDATED");
  const alarm = { id: "123456789", info: JSON.stringify({ ip: "203.0.113.7", id: "987654321", name: "Bob" }), nonce: "n-1", typ: 1, uuid: "dQ==" };
  expect((await call(env.app, "POST", "/api/audit/alarm", { body: alarm })).status).toBe(200);
  // The same post retried by the client (same nonce): stored once, notified once.
  expect((await call(env.app, "POST", "/api/audit/alarm", { body: alarm })).status).toBe(200);
  await until(() => notifier!.stats().delivered === 1);
  expect(hook.calls.map((c) => c.status)).toEqual([500, 200]);
  const [first, second] = hook.calls;
  expect(second!.body).toBe(first!.body);
  expect(second!.headers["x-rdconsole-delivery"]).toBe(first!.headers["x-rdconsole-delivery"]!);
  expect(second!.headers["x-rdconsole-signature-256"]).toBe(`sha256=${createHmac("sha256", SECRET).update(second!.body).digest("hex")}`);
  expect(second!.headers["x-rdconsole-event"]).toBe("alarm");
  const body = JSON.parse(second!.body) as Record<string, unknown>;
  expect(body).toEqual({
    id: first!.headers["x-rdconsole-delivery"],
    event: "alarm",
    title: "Alarm on device 123456789: over 30 failed attempts (from 203.0.113.7)",
    time: "2026-11-22T12:00:00.000Z",
    data: { device: "123456789", alarm: "over 30 failed attempts", typ: 1, ip: "203.0.113.7", info: { ip: "203.0.113.7", id: "987654321", name: "Bob" } },
  });
  expect(notifier.stats()).toEqual({ delivered: 1, failed: 0, dropped: 0, pending: 0 });
});

test("new devices and lockouts by e-mail through a real SMTP server", async () => {
  const smtp = await startSmtp();
  cleanups.push(smtp.close);
  const env = testEnv({ ...smtp.config, "notify.device_emails": "admin@example.com", "notify.lockout_emails": "sec@example.com,admin@example.com", "server.trusted_proxies": "127.0.0.1/32", "lockout.account_failures": "2" });
  notifier = startNotifier(env.config, env.ctx.log, createDeliverer(env.config, createMailer(env.config.smtp)), { retryBaseMs: 20 });
  // A host name with a line break (sent by an unauthenticated client) cannot fake a line of the message.
  await call(env.app, "POST", "/api/sysinfo", { body: { hostname: "ALICE-PC\r\nip: 10.0.0.1", id: "222333444", os: "windows", uuid: "dQ==" } });
  await until(() => smtp.received.length === 1);
  expect(smtp.received[0]!.to).toEqual(["admin@example.com"]);
  expect(smtp.received[0]!.data).toContain("Subject: [rdconsole] New device 222333444 (ALICE-PC ip: 10.0.0.1)");
  expect(smtp.received[0]!.data).toContain("\r\nhostname: ALICE-PC ip: 10.0.0.1\r\n");
  expect(smtp.received[0]!.data).not.toContain("\r\nip: 10.0.0.1");

  await createUser(env.ctx, { name: "alice", password: "alice-password" });
  const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
  cleanups.push(() => server.stop(true));
  for (let i = 0; i < 2; i++)
    await fetch(`http://127.0.0.1:${server.server!.port}/api/login`, { method: "POST", body: passwordLoginBody("alice", "wrong"), headers: { ...DART_JSON, "x-forwarded-for": "198.51.100.9" } });
  await until(() => smtp.received.length === 3);
  const lockouts = smtp.received.slice(1);
  expect(lockouts.map((m) => m.to[0]).sort()).toEqual(["admin@example.com", "sec@example.com"]);
  expect(lockouts[0]!.data).toContain("\r\n\r\nLogin lockout: account alice for 15 min after failed logins\r\n");
  expect(lockouts[0]!.data).toContain("ip: 198.51.100.9");
});

test("nothing is published for a transaction that rolled back; a nested one waits for the outer commit", () => {
  const env = testEnv();
  const seen: NotifyEvent[] = [];
  const unsubscribe = subscribe((e) => seen.push(e));
  try {
    expect(() =>
      withTransaction(env.ctx, (tx) => {
        publish(tx, { kind: "device", title: "rolled back", data: {} });
        throw new Error("boom");
      }),
    ).toThrow("boom");
    withTransaction(env.ctx, (tx) => {
      withTransaction(tx, (inner) => publish(inner, { kind: "device", title: "nested", data: {} }));
      expect(seen).toEqual([]); // not yet: the outer transaction has not committed
    });
    expect(seen.map((e) => e.title)).toEqual(["nested"]);
    // A savepoint that failed and was caught: its event goes with it; the outer one's stays.
    withTransaction(env.ctx, (tx) => {
      try {
        withTransaction(tx, (inner) => {
          publish(inner, { kind: "device", title: "inner, rolled back", data: {} });
          throw new Error("refused");
        });
      } catch {
        // the outer transaction goes on
      }
      publish(tx, { kind: "device", title: "outer", data: {} });
    });
    // An outer rollback takes a committed savepoint's event with it.
    expect(() =>
      withTransaction(env.ctx, (tx) => {
        withTransaction(tx, (inner) => publish(inner, { kind: "device", title: "inner of a failed outer", data: {} }));
        throw new Error("outer fails");
      }),
    ).toThrow("outer fails");
    expect(seen.map((e) => e.title)).toEqual(["nested", "outer"]);
  } finally {
    unsubscribe();
  }
});

test("bounded: past notify.queue_size deliveries are dropped; past notify.retries one fails", async () => {
  const hook = receiver(["hang", "hang", "hang", 500, 500]);
  cleanups.push(hook.stop);
  const env = testEnv({ "notify.device_webhooks": hook.url, "notify.webhook_secret": SECRET, "notify.queue_size": "3", "notify.retries": "1" });
  notifier = startNotifier(env.config, env.ctx.log, createDeliverer(env.config, createMailer(env.config.smtp)), { retryBaseMs: 20 });
  for (let i = 0; i < 10; i++) publish(env.ctx, { kind: "device", title: `d${i}`, data: {} });
  expect(notifier.stats()).toEqual({ delivered: 0, failed: 0, dropped: 7, pending: 3 });
  await until(() => hook.calls.length === 3);
  hook.release();
  await until(() => notifier!.stats().pending === 0);
  expect(notifier.stats()).toEqual({ delivered: 3, failed: 0, dropped: 7, pending: 0 });
  // Two 500s: the first attempt and its one retry.
  publish(env.ctx, { kind: "device", title: "unlucky", data: {} });
  await until(() => notifier!.stats().failed === 1);
  expect(hook.calls.slice(3).map((c) => [JSON.parse(c.body).title, c.status])).toEqual([["unlucky", 500], ["unlucky", 500]]);
});

test("notify.per_minute caps each kind on its own; a kind with no targets costs nothing", async () => {
  const hook = receiver();
  cleanups.push(hook.stop);
  const env = testEnv({ "notify.alarm_webhooks": hook.url, "notify.lockout_webhooks": hook.url, "notify.webhook_secret": SECRET, "notify.per_minute": "2" });
  notifier = startNotifier(env.config, env.ctx.log, createDeliverer(env.config, createMailer(env.config.smtp)), { now: env.ctx.now });
  publish(env.ctx, { kind: "device", title: "no target", data: {} });
  for (let i = 0; i < 5; i++) publish(env.ctx, { kind: "alarm", title: `a${i}`, data: {} });
  // An alarm flood has not used up what lockouts get.
  publish(env.ctx, { kind: "lockout", title: "locked", data: {} });
  await until(() => notifier!.stats().delivered === 3);
  expect(notifier.stats()).toEqual({ delivered: 3, failed: 0, dropped: 3, pending: 0 });
  expect(hook.calls.map((c) => JSON.parse(c.body).title).sort()).toEqual(["a0", "a1", "locked"]);
  env.advance(60_001);
  publish(env.ctx, { kind: "alarm", title: "next minute", data: {} });
  await until(() => notifier!.stats().delivered === 4);
});

test("notify test: one line per target; exit 1 when one fails; config problems are named", async () => {
  const hook = receiver();
  cleanups.push(hook.stop);
  const dir = tempDir();
  const file = join(dir, "rdconsole.toml");
  const write = (notify: string) => writeFileSync(file, `[log]\nlevel = "silent"\n[data]\ndir = "data"\n[notify]\n${notify}\n`);
  const cli = (args: string[]) => runCli([...args, "--config", file]);
  write(`webhook_secret = "${SECRET}"\nalarm_webhooks = ["${hook.url}", "http://127.0.0.1:1/closed"]\ndevice_webhooks = ["${hook.url}"]`);
  const r = await cli(["notify", "test", "--kind", "alarm"]);
  expect(r.code).toBe(1);
  const lines = r.stdout.trimEnd().split("\n");
  expect(lines[0]).toMatch(new RegExp(`^ok {6}alarm {3}webhook ${hook.url.replace(/[.]/g, "\\.")} \\(\\d+ ms\\)$`));
  expect(lines[1]).toMatch(/^failed {2}alarm {3}webhook http:\/\/127\.0\.0\.1:1\/closed: /);
  expect(r.stderr).toBe("error: 1 of 2 notification(s) failed\n");
  expect(JSON.parse(hook.calls[0]!.body)).toMatchObject({ event: "alarm", title: "Test alarm from rdconsole", data: { test: true } });
  expect(hook.calls[0]!.headers["x-rdconsole-signature-256"]).toBe(`sha256=${createHmac("sha256", SECRET).update(hook.calls[0]!.body).digest("hex")}`);
  expect((await cli(["notify", "test", "--kind", "device"])).code).toBe(0);
  expect((await cli(["notify", "test", "--kind", "lockout"])).stderr).toBe("error: no notification targets are configured (notify.*_webhooks, notify.*_emails, or saved with /api/admin/notifications)\n");
  expect((await cli(["notify", "test", "--kind", "pager"])).stderr).toBe('error: --kind is one of alarm, lockout, device, backup.failed, not "pager"\n');
  write(`alarm_webhooks = ["${hook.url}", "ftp://x"]\nalarm_emails = ["root"]`);
  const bad = await cli(["notify", "test"]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toBe(`error: invalid configuration:\n  - notify.alarm_webhooks in ${file}: not an http:// or https:// URL: "ftp://x"\n  - notify.alarm_emails in ${file}: not an e-mail address: "root"\n`);
  write(`alarm_webhooks = ["${hook.url}"]\nalarm_emails = ["root@example.com"]`);
  const cross = (await cli(["notify", "test"])).stderr;
  expect(cross).toContain("notify.webhook_secret: required when a webhook is set");
  expect(cross).toContain("notify: e-mail recipients need smtp.host");
});
