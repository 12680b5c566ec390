// The console's message catalogues and the small pure helpers behind its pages.
import { expect, test } from "bun:test";
import { relative } from "../../src/console/lib/relative-time.ts";
import { en } from "../../src/console/i18n/en.ts";
import { zhCN } from "../../src/console/i18n/zh-CN.ts";
import { format } from "../../src/console/lib/format.ts";

const SAME_IN_BOTH = new Set(["app.name", "common.none", "devices.id", "device.cpu", "connect.os.windows", "connect.os.macos", "books.peerId", "dashboard.byOn", "info.rustdesk", "info.uuid", "info.cpu"]);

test("Simplified Chinese has every English key, each translated, with the same placeholders", () => {
  expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(en) as [keyof typeof en, string][]) {
    if (!SAME_IN_BOTH.has(key)) expect({ key, same: zhCN[key] === text }).toEqual({ key, same: false });
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect({ key, vars: vars(zhCN[key]) }).toEqual({ key, vars: vars(text) });
  }
});

test("format fills placeholders and leaves unknown ones visible", () => {
  expect(format(en, "dashboard.admins", { n: 3 })).toBe("administrators: 3");
  expect(format(zhCN, "dashboard.online", { n: 12 })).toBe("12 台在线");
  expect(format(en, "signIn.sso")).toBe("Sign in with {name}");
});

test("relative times read naturally in both languages", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  expect(relative(new Date("2026-11-27T11:57:00Z"), now, "en")).toBe("3 minutes ago");
  expect(relative(new Date("2026-11-26T12:00:00Z"), now, "en")).toBe("yesterday");
  expect(relative(new Date("2026-11-27T11:57:00Z"), now, "zh-CN")).toBe("3分钟前");
});
