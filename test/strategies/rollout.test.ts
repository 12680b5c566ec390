// strategy status and explain: applied / pending / offline move as devices beat and echo the stamp.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { setDevice } from "../../src/devices/service.ts";
import { assignStrategy } from "../../src/strategies/assign.ts";
import { explainDevice, strategyStatus } from "../../src/strategies/explain.ts";
import { createStrategy, setDefaultStrategy, updateStrategy } from "../../src/strategies/service.ts";
import { UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv({ "devices.offline_after_seconds": "60" });
afterAll(() => env.close());
const post = async (path: string, raw: string) => (await call(env.app, "POST", path, { raw, headers: { "content-type": "application/json" } })).text;
const IDS = ["100000001", "100000002", "100000003"];
const stamps = new Map<string, number>();
async function beat(id: string) {
  const reply = JSON.parse(await post("/api/heartbeat", `{"id":"${id}","modified_at":${stamps.get(id) ?? 0},"uuid":"${UUID}","ver":1004090}`));
  if (reply.modified_at) stamps.set(id, reply.modified_at);
  env.devicesFlush();
}
const counts = () => strategyStatus(env.ctx, "Locked").counts;

beforeAll(async () => {
  for (const id of IDS) expect(await post("/api/sysinfo", `{"hostname":"h${id}","id":"${id}","uuid":"${UUID}"}`)).toBe("SYSINFO_UPDATED");
  createDeviceGroup(env.ctx, { name: "Kiosks" });
  for (const id of IDS) setDevice(env.ctx, id, { group: "Kiosks" });
  createStrategy(env.ctx, { name: "Locked", options: { "enable-keyboard": "N" } });
  createStrategy(env.ctx, { name: "Fallback", options: { "enable-audio": "N" } });
  setDefaultStrategy(env.ctx, "Fallback");
  env.advance(120_000); // the sysinfo uploads counted as contact: let them go offline
});

test("targeted devices start pending when online, offline when not; applied once each echoes the stamp", async () => {
  await beat(IDS[0]!); // online, gets Fallback
  assignStrategy(env.ctx, "Locked", { deviceGroups: ["Kiosks"] });
  expect(strategyStatus(env.ctx, "Locked").targeted).toBe(3);
  expect(counts()).toEqual({ applied: 0, pending: 1, offline: 2 });
  await beat(IDS[0]!); // sent
  expect(counts()).toEqual({ applied: 0, pending: 1, offline: 2 });
  await beat(IDS[0]!); // echoed
  expect(counts()).toEqual({ applied: 1, pending: 0, offline: 2 });
  await beat(IDS[1]!);
  await beat(IDS[1]!);
  await beat(IDS[2]!);
  expect(counts()).toEqual({ applied: 2, pending: 1, offline: 0 });
  env.advance(120_000);
  expect(counts()).toEqual({ applied: 2, pending: 0, offline: 1 });
});

test("an edit makes every device pending again until it beats", async () => {
  updateStrategy(env.ctx, "Locked", { set: { "enable-clipboard": "N" } });
  expect(counts()).toEqual({ applied: 0, pending: 0, offline: 3 });
  await beat(IDS[0]!);
  await beat(IDS[0]!);
  expect(counts()).toEqual({ applied: 1, pending: 0, offline: 2 });
});

test("explain: the level, what was shadowed, what should be there, what was sent and confirmed", async () => {
  const e = explainDevice(env.ctx, IDS[0]!);
  expect(e).toMatchObject({
    strategy: "Locked",
    level: "device_group",
    shadowed: [{ strategy: "Fallback", level: "default", reason: "shadowed" }],
    options: { "enable-keyboard": "N", "enable-clipboard": "N" },
    state: "applied",
    online: true,
  });
  expect(e.sentOptions).toEqual({ "enable-keyboard": "N", "enable-clipboard": "N" });
  expect(e.confirmedAt).toBe(env.ctx.now());
  const pending = explainDevice(env.ctx, IDS[1]!);
  expect(pending).toMatchObject({ state: "offline", confirmedAt: null });
  expect(() => explainDevice(env.ctx, "999999999")).toThrow("device 999999999 not found");
});
