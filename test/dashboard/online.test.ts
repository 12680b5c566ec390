// The online-devices sampler (the server's 5-minute job), called directly with an injected clock: one sample
// per 5-minute slot whatever the minute it runs in, the count as presence says, and samples past 30 days pruned.
import { afterAll, expect, test } from "bun:test";
import type { ServiceContext } from "../../src/core/context.ts";
import { KEEP_MS, onlineSeries, sampleOnline, SAMPLE_MS, slotOf } from "../../src/dashboard/online.ts";
import { testEnv } from "../helpers/env.ts";

const env = testEnv();
afterAll(() => env.close());
const MIN = 60_000;
const at = (t: number): ServiceContext => ({ ...env.ctx, now: () => t });
const samples = () => env.sqlite.query("SELECT at, online, total FROM online_samples ORDER BY at").all() as { at: number; online: number; total: number }[];
const seen = (rdId: string, t: number | null) => env.sqlite.run("UPDATE device_presence SET last_seen_at = ? WHERE device_id = (SELECT id FROM devices WHERE rd_id = ?)", [t, rdId]);

const T0 = slotOf(Date.parse("2026-11-01T00:00:00Z")) + 2 * MIN; // two minutes into a slot
for (const rdId of ["100000001", "100000002", "100000003"])
  env.sqlite.run("INSERT INTO devices (guid, rd_id, uuid, created_at, updated_at) VALUES (?, ?, 'u', 0, 0)", [`g-${rdId}`, rdId]);

test("one sample per slot: the slot's start, the devices online then (offline_after_seconds) and the total", () => {
  seen("100000001", T0 - 10_000);
  seen("100000002", T0 - 44_000);
  seen("100000003", T0 - 46_000); // past the default 45 s
  expect(sampleOnline(at(T0))).toBe(T0 - 2 * MIN);
  expect(sampleOnline(at(T0 + 2 * MIN))).toBeNull(); // the same slot (a second run, or a restart): kept as it was
  expect(samples()).toEqual([{ at: T0 - 2 * MIN, online: 2, total: 3 }]);
  seen("100000003", T0 + SAMPLE_MS);
  expect(sampleOnline(at(T0 + SAMPLE_MS))).toBe(T0 - 2 * MIN + SAMPLE_MS);
  expect(samples().map((s) => s.online)).toEqual([2, 1]);
});

test("samples older than 30 days are pruned by the next run; the ranges read what is left", () => {
  const start = T0 - 2 * MIN;
  for (let i = 2; i < 12; i++) sampleOnline(at(start + i * SAMPLE_MS));
  expect(samples()).toHaveLength(12);
  const later = start + KEEP_MS + SAMPLE_MS; // only the first slot is now more than 30 days old
  sampleOnline(at(later));
  expect(samples()[0]!.at).toBe(start + SAMPLE_MS);
  expect(samples().at(-1)!.at).toBe(later);
  sampleOnline(at(later + 40 * 86_400_000)); // a long stop: everything before it goes
  expect(samples().map((s) => s.at)).toEqual([later + 40 * 86_400_000]);
  expect(onlineSeries(at(later + 40 * 86_400_000), "30d").points).toHaveLength(1);
});

test("a range that is not 24h, 7d or 30d is refused", () => {
  expect(() => onlineSeries(env.ctx, "1y")).toThrow("range must be one of 24h, 7d, 30d");
});
