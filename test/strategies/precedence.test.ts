// Which strategy a device gets: device > owner > device group > the server default; a disabled one
// manages nothing. Each change must reach the device's next heartbeat with a new stamp.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { createDeviceGroup, deleteDeviceGroup } from "../../src/device-groups/service.ts";
import { setDevice } from "../../src/devices/service.ts";
import { assignStrategy } from "../../src/strategies/assign.ts";
import { createStrategy, setDefaultStrategy, updateStrategy } from "../../src/strategies/service.ts";
import { createUser, deleteUser } from "../../src/users/service.ts";
import { UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
const post = async (path: string, raw: string) => (await call(env.app, "POST", path, { raw, headers: { "content-type": "application/json" } })).text;

let stamp = 0;
/** The options the device is sent now (it then confirms them), or null when it is sent nothing. */
async function delivered(): Promise<Record<string, string> | null> {
  const reply = JSON.parse(await post("/api/heartbeat", `{"id":"123456789","modified_at":${stamp},"uuid":"${UUID}","ver":1004090}`));
  if (!reply.strategy) return null;
  expect(reply.modified_at).not.toBe(stamp);
  stamp = reply.modified_at;
  return reply.strategy.config_options;
}

beforeAll(async () => {
  expect(await post("/api/sysinfo", `{"hostname":"PC","id":"123456789","uuid":"${UUID}"}`)).toBe("SYSINFO_UPDATED");
  await createUser(env.ctx, { name: "alice", password: "alice-password" });
  createDeviceGroup(env.ctx, { name: "Kiosks" });
  for (const name of ["D", "U", "G", "Default"]) createStrategy(env.ctx, { name, options: { "enable-audio": "N", "id-whitelist": name } });
});

const only = (name: string) => ({ "enable-audio": "N", "id-whitelist": name });

test("the server default, when nothing else applies", async () => {
  expect(await delivered()).toBeNull();
  setDefaultStrategy(env.ctx, "Default");
  expect(await delivered()).toEqual(only("Default"));
  expect(await delivered()).toBeNull();
});

test("device group over the default", async () => {
  assignStrategy(env.ctx, "G", { deviceGroups: ["Kiosks"] });
  expect(await delivered()).toBeNull(); // the device is not in the group yet
  setDevice(env.ctx, "123456789", { group: "Kiosks" });
  expect(await delivered()).toEqual(only("G"));
});

test("owner over device group", async () => {
  assignStrategy(env.ctx, "U", { users: ["alice"] });
  setDevice(env.ctx, "123456789", { owner: "alice" });
  expect(await delivered()).toEqual(only("U"));
});

test("device over owner", async () => {
  assignStrategy(env.ctx, "D", { devices: ["123456789"] });
  expect(await delivered()).toEqual(only("D"));
  expect(await delivered()).toBeNull();
});

test("a disabled strategy falls through to the next level, and back when enabled", async () => {
  updateStrategy(env.ctx, "D", { enabled: false });
  expect(await delivered()).toEqual(only("U"));
  updateStrategy(env.ctx, "U", { enabled: false });
  expect(await delivered()).toEqual(only("G"));
  updateStrategy(env.ctx, "D", { enabled: true });
  expect(await delivered()).toEqual(only("D"));
});

test("reassignment and unassignment at the device level", async () => {
  assignStrategy(env.ctx, "G", { devices: ["123456789"] });
  expect(await delivered()).toEqual(only("G"));
  assignStrategy(env.ctx, null, { devices: ["123456789"] });
  // U is disabled: the group's.
  expect(await delivered()).toBeNull(); // G again, which the device already has: same stamp, nothing to send
});

test("owner change and device-group change", async () => {
  updateStrategy(env.ctx, "U", { enabled: true });
  expect(await delivered()).toEqual(only("U"));
  setDevice(env.ctx, "123456789", { owner: "" });
  expect(await delivered()).toEqual(only("G"));
  setDevice(env.ctx, "123456789", { group: "" });
  expect(await delivered()).toEqual(only("Default"));
});

test("deleting the owner or the group lets the device fall through", async () => {
  setDevice(env.ctx, "123456789", { owner: "alice", group: "Kiosks" });
  expect(await delivered()).toEqual(only("U"));
  deleteUser(env.ctx, "alice");
  expect(await delivered()).toEqual(only("G"));
  deleteDeviceGroup(env.ctx, "Kiosks");
  expect(await delivered()).toEqual(only("Default"));
  setDefaultStrategy(env.ctx, null);
  expect(await delivered()).toEqual({ "enable-audio": "", "id-whitelist": "" });
  expect(await delivered()).toBeNull();
});
