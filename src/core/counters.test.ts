import { expect, test } from "bun:test";
import { Counters, countersSnapshot, RateMeter } from "./counters.ts";

test("counters are plain numbers, snapshotted by name", () => {
  const c = new Counters();
  c.heartbeats++;
  c.audit_posts_refused += 2;
  const snap = countersSnapshot(c);
  expect(snap.heartbeats).toBe(1);
  expect(snap.audit_posts_refused).toBe(2);
  expect(Object.values(snap).every((v) => v === 0 || v === 1 || v === 2)).toBe(true);
});

test("a rate meter: from the oldest sample in its window; 0 before it has two", () => {
  let n = 0;
  const m = new RateMeter(() => n, 10_000);
  expect(m.perSecond(0)).toBe(0);
  for (let t = 1000; t <= 20_000; t += 1000) {
    n += 50; // 50 a second
    m.sample(t);
  }
  expect(m.perSecond(20_000)).toBe(50);
  n += 1000; // a burst in the last second shows over the window, not over all time
  expect(m.perSecond(21_000)).toBe((1000 + 50 * 9) / 10);
  expect(m.perSecond(200_000)).toBe(0); // quiet since: the sample from before the window is the reference
});
