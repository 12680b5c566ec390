// Delivers published events to their targets in the background: a bounded queue, a few deliveries
// at a time, retries with a doubling delay. Held in memory only: what is queued at shutdown is given
// up (logged), as a notification hours late is worth less than one that never blocks a request.
import { randomUUID } from "node:crypto";
import type { Config } from "../config/schema.ts";
import type { Logger } from "../core/log.ts";
import { WindowCounter } from "../net/window-counter.ts";
import type { Deliverer, Target } from "./deliver.ts";
import { shown, targetsFor } from "./deliver.ts";
import { subscribe, type NotifyEvent, type NotifyKind } from "./events.ts";

const PARALLEL = 4;
const MAX_DELAY_MS = 300_000;

interface Job {
  event: NotifyEvent;
  target: Target;
  id: string;
  attempt: number;
}

export interface NotifierStats {
  delivered: number;
  failed: number;
  dropped: number;
  pending: number;
}

export interface Notifier {
  stats(): NotifierStats;
  /** Stops taking events, waits up to `ms` for deliveries under way, gives up the rest. */
  stop(ms: number): Promise<void>;
}

/** `targets`: where an event of a kind goes now (default: the [notify] config's lists). */
export function startNotifier(config: Config, log: Logger, deliver: Deliverer, o: { retryBaseMs?: number; now?: () => number; targets?: (kind: NotifyKind) => Target[] } = {}): Notifier {
  const base = o.retryBaseMs ?? 2000;
  const now = o.now ?? Date.now;
  // Per kind: a flood of device alarms must not use up what lockouts get.
  const budget = new WindowCounter(config.notify.per_minute, 60_000);
  const abort = new AbortController();
  const queue: Job[] = [];
  const waiting = new Set<ReturnType<typeof setTimeout>>();
  const inFlight = new Set<Promise<void>>();
  const stats = { delivered: 0, failed: 0, dropped: 0 };
  let lastDropLog = -Infinity;
  let stopped = false;

  const pending = () => queue.length + waiting.size + inFlight.size;
  const drop = (n: number, why: string) => {
    stats.dropped += n;
    if (now() - lastDropLog < 60_000) return;
    lastDropLog = now();
    log.warn(`notifications dropped (${why}); ${stats.dropped} so far`);
  };

  function pump(): void {
    while (!stopped && inFlight.size < PARALLEL && queue.length > 0) {
      const job = queue.shift()!;
      const run: Promise<void> = deliver(job.event, job.target, job.id, abort.signal).then(
        () => void stats.delivered++,
        (e: unknown) => retry(job, e),
      ).finally(() => {
        inFlight.delete(run);
        pump();
      });
      inFlight.add(run);
    }
  }

  function retry(job: Job, e: unknown): void {
    const cause = (e as { cause?: unknown }).cause;
    const reason = `${e instanceof Error ? e.message : String(e)}${cause instanceof Error ? ` (${cause.message})` : ""}`;
    if (stopped || job.attempt >= config.notify.retries) {
      stats.failed++;
      log.warn(`${job.event.kind} notification to ${shown(job.target)} failed after ${job.attempt + 1} attempt(s): ${reason}`);
      return;
    }
    const delay = Math.min(MAX_DELAY_MS, base * 2 ** job.attempt);
    log.debug(`${job.event.kind} notification to ${shown(job.target)} failed (${reason}); retrying in ${delay} ms`);
    const timer = setTimeout(() => {
      waiting.delete(timer);
      queue.push({ ...job, attempt: job.attempt + 1 });
      pump();
    }, delay);
    waiting.add(timer);
  }

  const unsubscribe = subscribe((event) => {
    if (stopped) return;
    const targets = o.targets ? o.targets(event.kind) : targetsFor(config, event.kind);
    if (targets.length === 0) return;
    if (!budget.take(event.kind, now())) return drop(targets.length, `more than notify.per_minute = ${config.notify.per_minute} ${event.kind} events a minute`);
    for (const target of targets) {
      if (pending() >= config.notify.queue_size) drop(1, `queue full: notify.queue_size = ${config.notify.queue_size}`);
      else queue.push({ event, target, id: randomUUID(), attempt: 0 });
    }
    pump();
  });

  return {
    stats: () => ({ ...stats, pending: pending() }),
    async stop(ms) {
      stopped = true;
      unsubscribe();
      for (const t of waiting) clearTimeout(t);
      const left = queue.length + waiting.size;
      waiting.clear();
      queue.length = 0;
      if (left) log.warn(`${left} notification(s) not delivered before shutdown`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.all(inFlight), new Promise((r) => (timer = setTimeout(r, ms)))]);
      clearTimeout(timer);
      abort.abort(); // what is still running is given up
    },
  };
}
