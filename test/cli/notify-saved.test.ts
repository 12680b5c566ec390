// `notify test` also tests the targets saved at runtime (/api/admin/notifications), with their own key,
// and the notify settings saved from the console: what the running server would use.
import { afterAll, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { cliActor } from "../../src/core/context.ts";
import { createLogger } from "../../src/core/log.ts";
import { createTarget } from "../../src/notifications/service.ts";
import { cliWithApp } from "../helpers/cli-env.ts";

const calls: { url: string; signature: string | null; body: string }[] = [];
const hook = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: async (req) => (calls.push({ url: req.url, signature: req.headers.get("x-rdconsole-signature-256"), body: await req.text() }), new Response(null)) });
const env = await cliWithApp();
afterAll(() => (hook.stop(true), env.close()));

test("saved targets and console notify settings are tested too", async () => {
  const config = env.config();
  createTarget({ db: env.db, config, log: createLogger(config.log), actor: cliActor(), now: Date.now }, { name: "saved", type: "webhook", url: `http://127.0.0.1:${hook.port}/saved`, secret: "own-key", kinds: ["device"] });
  expect((await env.cli(["settings", "set", "notify.webhook_secret", "console-key"])).code).toBe(0);
  expect((await env.cli(["settings", "set", "notify.device_webhooks", `http://127.0.0.1:${hook.port}/setting`])).code).toBe(0);
  const r = await env.cli(["notify", "test", "--kind", "device"]);
  expect(r.code).toBe(0);
  expect(r.stdout.trimEnd().split("\n")).toHaveLength(2);
  const sig = (key: string, body: string) => `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
  const byPath = Object.fromEntries(calls.map((c) => [new URL(c.url).pathname, c]));
  expect(byPath["/saved"]!.signature).toBe(sig("own-key", byPath["/saved"]!.body));
  expect(byPath["/setting"]!.signature).toBe(sig("console-key", byPath["/setting"]!.body));
});
