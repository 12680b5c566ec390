// The admin API's notification targets (/api/admin/notifications…): webhooks with their own key and
// e-mail lists per event kind, saved at runtime next to the notify.* settings' (read-only); tests
// delivered to a real HTTP receiver and a real SMTP server on loopback; the running notifier uses a
// target as soon as it is saved.
import { afterAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { createMailer } from "../../src/mail/mailer.ts";
import { currentTargets } from "../../src/notifications/deliveries.ts";
import { createDeliverer } from "../../src/notify/deliver.ts";
import { publish } from "../../src/notify/events.ts";
import { startNotifier } from "../../src/notify/notifier.ts";
import { startSmtp } from "../helpers/smtp.ts";
import { areaCallers, tokenMatrix } from "../helpers/token-matrix.ts";
import { settingsEnv } from "../settings/_env.ts";

function receiver(script: number[] = []) {
  const calls: { headers: Record<string, string>; body: string }[] = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(req) {
      calls.push({ headers: Object.fromEntries(req.headers), body: await req.text() });
      return new Response(null, { status: script.shift() ?? 200 });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/hook`, calls, stop: () => server.stop(true) };
}
const until = async (ok: () => boolean, ms = 3000) => {
  for (const end = Date.now() + ms; !ok(); await Bun.sleep(10)) if (Date.now() > end) throw new Error("timed out waiting");
};
const signed = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

const hook = receiver();
const smtp = await startSmtp();
const env = await settingsEnv(
  `[notify]\nalarm_webhooks = ["${hook.url}?from=file"]\nwebhook_secret = "file-secret"\n[smtp]\nhost = "127.0.0.1"\nport = ${smtp.port}\nsecurity = "none"\nfrom = "rdconsole <rd@example.com>"\n`,
);
afterAll(async () => {
  env.close();
  hook.stop();
  await smtp.close();
});
const { ADMIN, READER, OTHER, GONE } = env.tokens;
const admin = (method: string, path: string, body?: unknown) => env.as(ADMIN, method, path, body);
type Target = { id: string; name: string; type: string; url: string | null; emails: string[]; kinds: string[]; secret: string; source: string; enabled: boolean };
const WEBHOOK = { name: "ops hook", type: "webhook", url: hook.url, secret: "hook-secret-1", kinds: ["lockout", "device"] };

describe("the token matrix", () => {
  tokenMatrix(
    env.app,
    [
      ["GET", "/api/admin/notifications"],
      ["POST", "/api/admin/notifications", { name: "x" }],
      ["GET", "/api/admin/notifications/config.alarm_webhooks.0"],
      ["PUT", "/api/admin/notifications/999", {}],
      ["DELETE", "/api/admin/notifications/999"],
      ["POST", "/api/admin/notifications/test", { name: "x" }],
      ["POST", "/api/admin/notifications/999/test"],
    ],
    areaCallers({ other: OTHER, gone: GONE, ro: READER }, "admin:r"),
    (method, path) => method !== "GET",
  );
  test("admin:rw passes (then the service's answer)", async () => {
    expect((await admin("GET", "/api/admin/notifications/999")).status).toBe(404);
    expect((await admin("DELETE", "/api/admin/notifications/999")).status).toBe(404);
  });
});

test("the notify settings' targets are listed read-only, source file: PUT and DELETE → 409; a test goes out signed with notify.webhook_secret", async () => {
  const list = (await env.as(READER, "GET", "/api/admin/notifications")).json() as { total: number; data: Target[] };
  expect(list.data).toContainEqual(expect.objectContaining({ id: "config.alarm_webhooks.0", type: "webhook", url: `${hook.url}?from=file`, kinds: ["alarm"], source: "file", secret: "" }));
  for (const [method, body] of [["PUT", { enabled: false }], ["DELETE", undefined]] as const) {
    const r = await admin(method, "/api/admin/notifications/config.alarm_webhooks.0", body);
    expect(r.status).toBe(409);
    expect((r.json() as { error: string }).error).toContain("change the setting instead");
  }
  const before = hook.calls.length;
  expect((await admin("POST", "/api/admin/notifications/config.alarm_webhooks.0/test")).json()).toEqual({ kind: "alarm", ok: true, results: [{ to: `http://127.0.0.1:${new URL(hook.url).port}/…`, ok: true }] });
  const got = hook.calls[before]!;
  expect(got.headers["x-rdconsole-signature-256"]).toBe(signed("file-secret", got.body));
  expect(JSON.parse(got.body)).toMatchObject({ event: "alarm", data: { test: true } });
});

test("create, read, change only what is sent, delete; audited without the key", async () => {
  const r = await admin("POST", "/api/admin/notifications", WEBHOOK);
  expect(r.status).toBe(201);
  const made = r.json() as Target;
  expect(made).toMatchObject({ name: "ops hook", type: "webhook", url: hook.url, emails: [], kinds: ["lockout", "device"], secret: "***", enabled: true, source: "console" });
  expect((await env.as(READER, "GET", `/api/admin/notifications/${made.id}`)).json()).toEqual(made);
  expect(((await env.as(READER, "GET", "/api/admin/notifications")).json() as { data: Target[] }).data.map((t) => t.id)).toContain(made.id);
  const changed = (await admin("PUT", `/api/admin/notifications/${made.id}`, { kinds: ["alarm"], enabled: false })).json() as Target;
  expect(changed).toMatchObject({ name: "ops hook", url: hook.url, kinds: ["alarm"], enabled: false, secret: "***" });
  expect((await admin("POST", "/api/admin/notifications", { ...WEBHOOK, name: "OPS HOOK" })).json()).toEqual({ error: 'a notification target named "OPS HOOK" already exists', code: "CONFLICT" });
  expect((await admin("DELETE", `/api/admin/notifications/${made.id}`)).json()).toMatchObject({ id: made.id });
  expect((await admin("GET", `/api/admin/notifications/${made.id}`)).status).toBe(404);
  const audit = env.audit("notification.create").map((a) => a.details);
  expect(audit).toContainEqual(expect.objectContaining({ type: "webhook", url: hook.url, secret: "***" }));
  expect(JSON.stringify([...env.audit("notification.create"), ...env.audit("notification.update")])).not.toContain("hook-secret-1");
  expect(env.audit("notification.delete").map((a) => a.targetName)).toContain("ops hook");
});

test("bad targets → 400 naming every problem at once; a target stays its type", async () => {
  const r = await admin("POST", "/api/admin/notifications", { name: " ", type: "webhook", url: "ftp://x", kinds: [], emails: ["a@b.c"] });
  expect(r.status).toBe(400);
  const { error } = r.json() as { error: string };
  for (const part of ["name: 1 to 100 characters", "kinds: one or more of alarm, lockout, device", "url: an http:// or https:// URL", "emails: only for an e-mail target"]) expect(error).toContain(part);
  expect((await admin("POST", "/api/admin/notifications", { name: "m", type: "email", emails: ["not-an-address"], kinds: ["alarm"] })).json()).toMatchObject({ code: "INVALID_INPUT", error: expect.stringContaining("not an e-mail address") });
  expect((await admin("POST", "/api/admin/notifications", { name: "k", type: "webhook", url: hook.url, kinds: ["sunrise"] })).status).toBe(400);
  const mail = (await admin("POST", "/api/admin/notifications", { name: "mail", type: "email", emails: ["ops@example.com"], kinds: ["alarm"] })).json() as Target;
  expect((await admin("PUT", `/api/admin/notifications/${mail.id}`, { type: "webhook" })).json()).toMatchObject({ code: "INVALID_INPUT", error: expect.stringContaining("stays a email") });
  await admin("DELETE", `/api/admin/notifications/${mail.id}`);
});

test("a pending target is tested without being saved: signed with its own key; a failing receiver is reported", async () => {
  const before = hook.calls.length;
  const r = await admin("POST", "/api/admin/notifications/test", { ...WEBHOOK, name: "pending", kind: "device" });
  expect(r.json()).toMatchObject({ kind: "device", ok: true });
  const got = hook.calls[before]!;
  expect(got.headers["x-rdconsole-signature-256"]).toBe(signed("hook-secret-1", got.body));
  expect(JSON.parse(got.body)).toMatchObject({ event: "device", data: { test: true, hostname: "TEST-PC" } });
  expect(((await env.as(READER, "GET", "/api/admin/notifications")).json() as { data: Target[] }).data.map((t) => t.name)).not.toContain("pending");
  const failing = receiver([500]);
  const bad = (await admin("POST", "/api/admin/notifications/test", { ...WEBHOOK, url: failing.url })).json() as { ok: boolean; results: { ok: boolean; error: string }[] };
  failing.stop();
  expect(bad.ok).toBe(false);
  expect(bad.results[0]!.error).toContain("answered 500");
});

test("an e-mail list: a saved target's test reaches every address through the real SMTP server", async () => {
  const made = (await admin("POST", "/api/admin/notifications", { name: "on call", type: "email", emails: ["a@example.com", "b@example.com"], kinds: ["lockout"] })).json() as Target;
  const r = (await admin("POST", `/api/admin/notifications/${made.id}/test`)).json() as { ok: boolean; results: { to: string }[] };
  expect(r).toMatchObject({ kind: "lockout", ok: true });
  expect(r.results.map((x) => x.to)).toEqual(["a@example.com", "b@example.com"]);
  const mails = smtp.received.filter((m) => m.data.includes("Test lockout notification"));
  expect(mails.flatMap((m) => m.to).sort()).toEqual(["a@example.com", "b@example.com"]);
  await admin("DELETE", `/api/admin/notifications/${made.id}`);
});

test("the running notifier sends to a target as soon as it is saved, signed with its key", async () => {
  const notifier = startNotifier(env.live.config, env.ctx.log, createDeliverer(env.live.config, createMailer(env.live.config.smtp)), { targets: currentTargets(env.live.config, env.sqlite) });
  try {
    const made = (await admin("POST", "/api/admin/notifications", { ...WEBHOOK, name: "live", url: `${hook.url}?live`, kinds: ["lockout"] })).json() as Target;
    const before = hook.calls.length;
    publish(env.ctx, { kind: "lockout", title: "alice locked out", data: { user: "alice" } });
    await until(() => hook.calls.length > before);
    const got = hook.calls.find((c, i) => i >= before && JSON.parse(c.body).title === "alice locked out")!;
    expect(got.headers["x-rdconsole-signature-256"]).toBe(signed("hook-secret-1", got.body));
    await admin("DELETE", `/api/admin/notifications/${made.id}`);
  } finally {
    await notifier.stop(0);
  }
});
