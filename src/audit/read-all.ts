// Every audit log at once (`audit tail` and `audit export` without --type): the four logs merged by
// time. Each log keeps its own cursor (connection records follow their change sequence, the others
// their id), so a follower sees each change once; within one read the entries are in time order,
// a connection record at the time of its last change.
import type { ServiceContext } from "../core/context.ts";
import { countLog, LOG_TYPES, readLog, type Cursor, type LogEntry, type LogFilter, type LogType } from "./read.ts";

export type AllFilter = Omit<LogFilter, "type" | "after">;
export type Cursors = Record<LogType, Cursor>;

export const byTime = (a: LogEntry, b: LogEntry) => a.at - b.at || LOG_TYPES.indexOf(a.type) - LOG_TYPES.indexOf(b.type) || a.position - b.position;

/** The newest `limit` entries across every log, oldest first. */
export function readAllLogs(ctx: ServiceContext, f: AllFilter): LogEntry[] {
  const limit = Math.min(f.limit ?? 50, 100_000);
  return LOG_TYPES.flatMap((type) => readLog(ctx, { ...f, type, limit }))
    .sort(byTime)
    .slice(-limit);
}

/** Where each log ends now: a follower starting here sees only what lands later. */
export function newestCursors(ctx: ServiceContext): Cursors {
  const c = {} as Cursors;
  for (const type of LOG_TYPES) c[type] = readLog(ctx, { type, limit: 1 }).at(-1)?.position ?? 0;
  return c;
}

/** What landed after `cursors` (moved past it), in time order. */
export function readAllAfter(ctx: ServiceContext, f: AllFilter, cursors: Cursors, limit = 1000): LogEntry[] {
  const out: LogEntry[] = [];
  for (const type of LOG_TYPES) {
    const rows = readLog(ctx, { ...f, type, since: undefined, after: cursors[type], limit });
    if (rows.length) cursors[type] = rows.at(-1)!.position;
    out.push(...rows);
  }
  return out.sort(byTime);
}

export const countAllLogs = (ctx: ServiceContext, f: AllFilter) => LOG_TYPES.reduce((n, type) => n + countLog(ctx, { ...f, type }), 0);

/** Every matching entry, oldest first, read a page per log at a time: memory stays flat. */
export function* exportAllLogs(ctx: ServiceContext, f: AllFilter, page = 1000): Generator<LogEntry> {
  const state = LOG_TYPES.map((type) => ({ type, cursor: 0, rows: [] as LogEntry[], next: 0, done: false }));
  const refill = (s: (typeof state)[number]) => {
    s.rows = readLog(ctx, { ...f, type: s.type, after: s.cursor, limit: page });
    s.next = 0;
    if (s.rows.length) s.cursor = s.rows.at(-1)!.position;
    s.done = s.rows.length < page;
  };
  for (;;) {
    let best: (typeof state)[number] | undefined;
    for (const s of state) {
      if (s.next === s.rows.length && !s.done) refill(s);
      const head = s.rows[s.next];
      if (head && (!best || byTime(head, best.rows[best.next]!) < 0)) best = s;
    }
    if (!best) return;
    yield best.rows[best.next++]!;
  }
}
