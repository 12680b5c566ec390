import { expect, test } from "bun:test";
import { WindowCounter } from "./window-counter.ts";

test("at most `limit` hits per key and window; a new window starts afresh", () => {
  const c = new WindowCounter(3, 1000);
  expect([0, 1, 2, 3].map(() => c.take("a", 0))).toEqual([true, true, true, false]);
  expect(c.take("b", 10)).toBe(true);
  expect(c.take("a", 999)).toBe(false);
  expect(c.take("a", 1000)).toBe(true);
});

test("constant work per hit: a million hits on one key", () => {
  const c = new WindowCounter(2_000_000, 3_600_000);
  for (let i = 0; i < 1_000_000; i++) c.take("one-ip", i);
  expect(c.take("one-ip", 1_000_001)).toBe(true);
});
