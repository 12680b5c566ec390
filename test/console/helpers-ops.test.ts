// The pure helpers behind the settings and status pages: what a draft sends, the API's problems put back on their
// keys, and sizes and durations as people read them.
import { expect, test } from "bun:test";
import { bytes, duration } from "../../src/console/lib/human.ts";
import { problemsByKey, textOf, wireValue, type Setting } from "../../src/console/lib/settings.ts";

const setting = (key: string, value: unknown, extra: Partial<Setting> = {}): Setting => ({ key, value, default: value, source: "default", runtime: true, restart_pending: false, secret: false, editable: true, description: "", ...extra });

test("a draft is sent as the API takes it: numbers as numbers, human values as typed, lists one per line", () => {
  expect(wireValue(setting("lockout.account_failures", 5), " 7 ")).toBe(7);
  expect(wireValue(setting("lockout.minutes", 15), "2h")).toBe("2h");
  expect(wireValue(setting("server.public_info", true), "false")).toBe(false);
  expect(wireValue(setting("notify.alarm_emails", []), "a@example.com\n\n b@example.com ")).toEqual(["a@example.com", "b@example.com"]);
  expect(textOf(setting("server.cors_origins", ["*", "https://x.example"]))).toBe("*\nhttps://x.example");
  expect(textOf(setting("smtp.password", "***", { secret: true }))).toBe("");
  // sso.providers: tables, shown as JSON (read-only from the console).
  expect(JSON.parse(textOf(setting("sso.providers", [{ name: "kc" }])))).toEqual([{ name: "kc" }]);
});

test("the API's problems land on their keys, a message with a semicolon of its own included", () => {
  const message = 'lockout.ip_failures: expected an integer from 1 to 10000, got number -3; lockout.window_minutes: expected a number of minutes or a duration such as "90m", got "1; 2"; smtp.from: required when smtp.host is set';
  expect(problemsByKey(message, ["lockout.ip_failures", "lockout.window_minutes", "lockout.minutes", "smtp.from"])).toEqual({
    "lockout.ip_failures": ["expected an integer from 1 to 10000, got number -3"],
    "lockout.window_minutes": ['expected a number of minutes or a duration such as "90m", got "1; 2"'],
    "smtp.from": ["required when smtp.host is set"],
  });
  expect(problemsByKey("nothing to change", ["lockout.minutes"])).toEqual({ "": ["nothing to change"] });
});

test("sizes and durations read naturally", () => {
  expect(bytes(512)).toBe("512 B");
  expect(bytes(1536)).toBe("1.5 KiB");
  expect(bytes(2 * 1024 ** 3)).toBe("2 GiB");
  expect(duration(0)).toBe("0 s");
  expect(duration(59)).toBe("59 s");
  expect(duration(3 * 86_400 + 4 * 3600 + 5)).toBe("3 d 4 h");
  expect(duration(2 * 86_400 + 30)).toBe("2 d 0 h");
  expect(duration(3661)).toBe("1 h 1 m");
});
