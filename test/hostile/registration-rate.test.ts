// A server-wide registration rate on top of the per-IP one (issue 13 §3): behind a trusted proxy,
// a forged X-Forwarded-For per request made every registration come from a "new" address.
import { afterAll, expect, test } from "bun:test";
import { devices } from "../../src/db/schema.ts";
import { testEnv } from "../helpers/env.ts";

const env = testEnv({ "devices.registrations_per_minute": "5", "server.trusted_proxies": "127.0.0.1/32" });
const server = env.app.listen({ hostname: "127.0.0.1", port: 0 });
afterAll(() => {
  server.stop(true);
  env.close();
});

const sysinfo = (id: string) => JSON.stringify({ cpu: "x", hostname: `host-${id}`, id, memory: "1GB", os: "linux / Debian 12", uuid: "dQ==", version: "1.4.9" });
let forged = 0;
const register = (id: string) =>
  fetch(`http://127.0.0.1:${server.server!.port}/api/sysinfo`, {
    method: "POST",
    body: sysinfo(id),
    headers: { "content-type": "application/json", "x-forwarded-for": `198.51.${Math.floor(++forged / 250)}.${forged % 250}` },
  }).then(async (r) => `${r.status} ${await r.text()}`);

test("past devices.registrations_per_minute, new devices are told TRY_LATER (200, as any refused registration), from any address", async () => {
  const results: string[] = [];
  for (let i = 0; i < 12; i++) results.push(await register(`10${i}`));
  expect(results).toEqual([...Array(5).fill("200 SYSINFO_UPDATED"), ...Array(7).fill("200 TRY_LATER")]);
  expect(env.db.select().from(devices).all()).toHaveLength(5);
  // Known devices still update; the client retries the refused ones (after 120 s) and gets in later.
  expect(await register("100")).toBe("200 SYSINFO_UPDATED");
  env.advance(60_000);
  expect(await register("105")).toBe("200 SYSINFO_UPDATED");
  expect(env.db.select().from(devices).all()).toHaveLength(6);
});
