// strategy export / apply: the file is the truth; a dry run changes nothing; a problem anywhere changes nothing.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { applyStrategies, exportStrategies, parseStrategiesFile } from "../../src/strategies/as-code.ts";
import { assignStrategy } from "../../src/strategies/assign.ts";
import { createStrategy, listStrategies } from "../../src/strategies/service.ts";
import { createUser } from "../../src/users/service.ts";
import { UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
const snapshot = () => exportStrategies(env.ctx);
const apply = (toml: string, o: Parameters<typeof applyStrategies>[2] = {}) => applyStrategies(env.ctx, parseStrategiesFile(toml), o);

beforeAll(async () => {
  await call(env.app, "POST", "/api/sysinfo", { raw: `{"hostname":"PC","id":"123456789","uuid":"${UUID}"}`, headers: { "content-type": "application/json" } });
  await createUser(env.ctx, { name: "alice", password: "alice-password" });
  createDeviceGroup(env.ctx, { name: "Kiosks" });
  createStrategy(env.ctx, { name: "Old", options: { "enable-audio": "N" } });
  createStrategy(env.ctx, { name: "Locked", options: { "enable-keyboard": "N", "enable-clipboard": "N" }, note: "front desk" });
  assignStrategy(env.ctx, "Locked", { users: ["alice"] });
});

const FILE = `default = "Locked"

[[strategy]]
name = "Locked"
note = "front desk"
options = { "enable-keyboard" = "N", "approve-mode" = "password" }
assign = { devices = ["123456789"], device_groups = ["Kiosks"] }

[[strategy]]
name = "New"
reapply_hours = 24
options = { "enable-camera" = "N" }
`;

test("export writes what is there, and applying it back changes nothing", () => {
  const text = snapshot();
  expect(parseStrategiesFile(text).strategy.map((s) => [s.name, s.assign.users])).toEqual([["Locked", ["alice"]], ["Old", []]]);
  expect(apply(text)).toEqual([]);
  expect(snapshot()).toBe(text);
});

test("a dry run prints the plan and changes nothing", () => {
  const before = snapshot();
  const plan = apply(FILE, { dryRun: true, prune: true });
  expect(plan).toEqual([
    '~ Locked: approve-mode = "password"',
    "~ Locked: enable-clipboard removed",
    "+ assign Locked → device 123456789",
    "- unassign Locked from user alice",
    "+ assign Locked → device group Kiosks",
    '+ strategy New {"enable-camera":"N"}',
    "- strategy Old",
    "~ default Locked",
  ]);
  expect(snapshot()).toBe(before);
});

test("a problem anywhere changes nothing: an unknown target, a refused option", () => {
  const before = snapshot();
  expect(() => apply(FILE.replace('"Kiosks"', '"Nope"'))).toThrow('device group "Nope" not found');
  expect(() => apply(FILE, { check: (name) => { if (name === "New") throw new Error("enable-camera: refused"); } })).toThrow("enable-camera: refused");
  expect(snapshot()).toBe(before);
});

test("apply with prune makes the server match the file", () => {
  apply(FILE, { prune: true });
  expect(listStrategies(env.ctx).map((s) => [s.name, s.isDefault, s.options, s.reapplyHours])).toEqual([
    ["Locked", true, { "enable-keyboard": "N", "approve-mode": "password" }, null],
    ["New", false, { "enable-camera": "N" }, 24],
  ]);
  expect(apply(FILE, { prune: true })).toEqual([]);
});

test("a bad file is refused with what is wrong", () => {
  expect(() => parseStrategiesFile("[[strategy]]\nname = 1")).toThrow("strategy 1: name is required");
  expect(() => parseStrategiesFile('[[strategy]]\nname = "A"\noptions = { "enable-audio" = false }')).toThrow('A: options must be a table of strings (write "Y", "N", "8" in quotes)');
  expect(() => parseStrategiesFile('[[strategy]]\nname = "A"\nassign = { peers = [] }')).toThrow('A: assign takes devices, users and device_groups, not "peers"');
  expect(() => parseStrategiesFile("stratgy = 1")).toThrow('unknown key "stratgy"');
  expect(() => parseStrategiesFile("[[strategy]\n")).toThrow("not valid TOML");
});
