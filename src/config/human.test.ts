import { expect, test } from "bun:test";
import { parseDuration, parseSize } from "./human.ts";
import { ConfigError, loadConfig } from "./load.ts";

test.each([
  ["90m", 5400],
  ["1.5 d", 129_600],
  ["2 w", 1_209_600],
  ["45s", 45],
  ["3 hours", 10_800],
  ["1 Day", 86_400],
  ["90", undefined],
  ["soon", undefined],
  ["-1h", undefined],
  ["1.5.2h", undefined],
])("duration %p → %p seconds", (text, want) => expect(parseDuration(text)).toBe(want));

test.each([
  ["15 mb", 15_000_000],
  ["1.5GiB", 1.5 * 1024 ** 3],
  ["512KiB", 512 * 1024],
  ["2 tb", 2e12],
  ["1 k", 1024],
  ["512", 512],
  ["lots", undefined],
  ["1 xb", undefined],
  ["-5mb", undefined],
])("size %p → %p bytes", (text, want) => expect(parseSize(text)).toBe(want));

test("the loader takes human values from the environment and flags; every bad one is named", () => {
  const { config } = loadConfig({ env: { RDCONSOLE_LOCKOUT_MINUTES: "2h", RDCONSOLE_AUDIT_CONN_DAYS: "2 w" }, defaultConfigPath: "/nonexistent", flags: { "recording.device_quota": "1.5GiB" } });
  expect([config.lockout.minutes, config.audit.conn_days, config.recording.device_quota]).toEqual([120, 14, 1.5 * 1024 ** 3]);
  try {
    loadConfig({ env: { RDCONSOLE_LOCKOUT_MINUTES: "90s", RDCONSOLE_AUDIT_CONN_DAYS: "1 fortnight" }, defaultConfigPath: "/nonexistent" });
    throw new Error("expected a ConfigError");
  } catch (e) {
    expect((e as ConfigError).problems).toEqual([
      'audit.conn_days (from RDCONSOLE_AUDIT_CONN_DAYS): expected a number of days or a duration such as "90m", "1.5 d", "2 w", got "1 fortnight"',
      'lockout.minutes (from RDCONSOLE_LOCKOUT_MINUTES): "90s" is not a whole number of minutes',
    ]);
  }
});
