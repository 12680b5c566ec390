// preset-strategy-name in a registering device's sysinfo assigns that strategy when it exists; audited either way.
import { afterAll, expect, test } from "bun:test";
import { consoleAudit } from "../../src/db/schema.ts";
import { explainDevice } from "../../src/strategies/explain.ts";
import { createStrategy } from "../../src/strategies/service.ts";
import { UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
const sysinfo = (id: string, preset: string) =>
  call(env.app, "POST", "/api/sysinfo", { raw: `{"hostname":"pc","id":"${id}","preset-strategy-name":"${preset}","uuid":"${UUID}","version":"1.4.9"}`, headers: { "content-type": "application/json" } });

test("an existing strategy is assigned to the device; an unknown one is not, and both are audited", async () => {
  createStrategy(env.ctx, { name: "Kiosk", options: { "enable-keyboard": "N" } });
  expect((await sysinfo("100000001", "kiosk")).text).toBe("SYSINFO_UPDATED");
  expect((await sysinfo("100000002", "Nope")).text).toBe("SYSINFO_UPDATED");
  expect(explainDevice(env.ctx, "100000001")).toMatchObject({ strategy: "Kiosk", level: "device" });
  expect(explainDevice(env.ctx, "100000002")).toMatchObject({ strategy: null, state: "none" });
  const rows = env.db.select().from(consoleAudit).all().filter((r) => r.action === "device.preset");
  expect(rows.map((r) => [r.targetName, r.details])).toEqual([
    ["100000001", { preset: "strategy", value: "kiosk", applied: true }],
    ["100000002", { preset: "strategy", value: "Nope", applied: false }],
  ]);
});
