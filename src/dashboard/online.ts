// The online-devices chart: a sample every 5 minutes (taken by the server's job, src/jobs/scheduler.ts), kept
// 30 days, read back per range in buckets small enough for a chart (≈ 300 points whatever the range).
import { gte, lt, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { invalid } from "../core/errors.ts";
import { devices, onlineSamples } from "../db/schema.ts";
import { presenceCounts } from "./presence.ts";

export const SAMPLE_MS = 5 * 60_000;
export const KEEP_MS = 30 * 86_400_000;

/** Range → [span, bucket]: 24 h at every sample, 7 d in half hours, 30 d in two-hour buckets. */
export const RANGES = { "24h": [86_400_000, SAMPLE_MS], "7d": [7 * 86_400_000, 30 * 60_000], "30d": [KEEP_MS, 2 * 3_600_000] } as const;
export type OnlineRange = keyof typeof RANGES;

/** The 5-minute slot `at` falls in: its start. */
export const slotOf = (at: number) => at - (at % SAMPLE_MS);

/**
 * Records the slot of `ctx.now()` (once: a slot already sampled, say before a restart, is kept) and drops samples
 * past 30 days. Returns the slot's start, or null when it had been sampled already.
 */
export function sampleOnline(ctx: ServiceContext): number | null {
  const now = ctx.now();
  const at = slotOf(now);
  ctx.db.delete(onlineSamples).where(lt(onlineSamples.at, now - KEEP_MS)).run();
  if (ctx.db.select({ at: onlineSamples.at }).from(onlineSamples).where(sql`${onlineSamples.at} = ${at}`).get()) return null;
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(devices).get()!.n;
  ctx.db.insert(onlineSamples).values({ at, online: presenceCounts(ctx).online, total }).onConflictDoNothing().run();
  return at;
}

export interface OnlinePoint {
  /** The bucket's start. */
  at: number;
  /** The bucket's average and highest sample. */
  online: number;
  peak: number;
  total: number;
}

export function onlineSeries(ctx: ServiceContext, range: string): { range: OnlineRange; stepMs: number; points: OnlinePoint[] } {
  if (!(range in RANGES)) throw invalid(`range must be one of ${Object.keys(RANGES).join(", ")}`);
  const [span, step] = RANGES[range as OnlineRange];
  const bucket = sql<number>`${onlineSamples.at} - (${onlineSamples.at} % ${step})`;
  const points = ctx.db
    .select({ at: bucket, online: sql<number>`round(avg(${onlineSamples.online}))`, peak: sql<number>`max(${onlineSamples.online})`, total: sql<number>`max(${onlineSamples.total})` })
    .from(onlineSamples)
    .where(gte(onlineSamples.at, ctx.now() - span))
    .groupBy(bucket)
    .orderBy(bucket)
    .all();
  return { range: range as OnlineRange, stepMs: step, points };
}
