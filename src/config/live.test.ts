import { expect, test } from "bun:test";
import { createLiveConfig } from "./live.ts";
import { ConfigError, loadConfig } from "./load.ts";

const base = () => loadConfig({ env: { RDCONSOLE_LOCKOUT_MINUTES: "20" }, defaultConfigPath: "/nonexistent", flags: { "data.dir": "/tmp/x" } });

test("runtime keys are getters that poll; the heartbeat's keys are plain values that cost nothing", () => {
  const live = createLiveConfig(base());
  let polls = 0;
  live.watch(() => polls++);
  expect(Object.getOwnPropertyDescriptor(live.config.devices, "sysinfo_max_age_hours")).toMatchObject({ value: 24 });
  expect(Object.getOwnPropertyDescriptor(live.config.devices, "offline_after_seconds")).toMatchObject({ value: 45 });
  expect(Object.getOwnPropertyDescriptor(live.config.devices, "registration")?.get).toBeFunction();
  void live.config.devices.sysinfo_max_age_hours;
  expect(polls).toBe(0);
  expect(live.config.devices.registration).toBe("open");
  expect(polls).toBe(1);
  expect(Object.isFrozen(live.config) && Object.isFrozen(live.config.lockout)).toBe(true);
});

test("load: console values over the file, under env; strict throws every problem, lenient skips them", () => {
  const live = createLiveConfig(base(), { "lockout.account_failures": 2, "lockout.minutes": 99, "devices.offline_after_seconds": 90 });
  expect(live.config.lockout.account_failures).toBe(2);
  expect(live.config.lockout.minutes).toBe(20); // pinned by the environment
  expect(live.config.devices.offline_after_seconds).toBe(90); // read at start
  live.load({ "lockout.account_failures": 7, "devices.offline_after_seconds": 120 });
  expect([live.config.lockout.account_failures, live.config.devices.offline_after_seconds, live.current().config.devices.offline_after_seconds]).toEqual([7, 90, 120]);
  expect(() => live.load({ "lockout.account_failures": "many", "audit.conn_days": -1 })).toThrow(ConfigError);
  expect(live.config.lockout.account_failures).toBe(7);
  expect(live.load({ "lockout.account_failures": "many", "lockout.window_minutes": "1h" }, true)).toEqual(['lockout.account_failures: expected an integer from 1 to 10000, got "many"']);
  expect([live.config.lockout.account_failures, live.config.lockout.window_minutes]).toEqual([5, 60]);
});
