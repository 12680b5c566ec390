// Cursor paging over one audit log (the admin API's GET /api/admin/audit/{type}), or over all four merged by time
// (GET /api/admin/audit): the entries after a cursor, oldest first, and where the next page starts. A cursor is a
// log's follow position (read.ts: a connection record's change sequence, else the id), so a client paging to the
// end and then polling sees each change once.
import type { ServiceContext } from "../core/context.ts";
import { invalid } from "../core/errors.ts";
import { byTime, type AllFilter, type Cursors } from "./read-all.ts";
import { LOG_TYPES, readLog, type Cursor, type LogEntry, type LogFilter } from "./read.ts";

export interface LogPage {
  entries: LogEntry[];
  /** Where the next page starts; null when this page reached the end (poll again from the last entry's position). */
  next: Cursor | null;
}

export function pageLog(ctx: ServiceContext, f: Omit<LogFilter, "after" | "limit">, after: Cursor, limit: number): LogPage {
  const rows = readLog(ctx, { ...f, after, limit: limit + 1 });
  const entries = rows.slice(0, limit);
  return { entries, next: rows.length > limit ? entries.at(-1)!.position : null };
}

/** Where a reader of every log is: one position per log, written "conn.file.alarm.console" ("0.0.0.0": the start). */
export type AllCursor = string;
const ALL_CURSOR = /^\d{1,15}\.\d{1,15}\.\d{1,15}\.\d{1,15}$/;

export function parseAllCursor(cursor: AllCursor | undefined): Cursors {
  const text = cursor ?? "0.0.0.0";
  if (!ALL_CURSOR.test(text)) throw invalid('cursor: a next_cursor or an entry\'s cursor ("0.0.0.0" for the start)');
  const parts = text.split(".").map(Number);
  return Object.fromEntries(LOG_TYPES.map((type, i) => [type, parts[i]!])) as Cursors;
}

const formatAllCursor = (c: Cursors): AllCursor => LOG_TYPES.map((type) => c[type]).join(".");

export interface AllLogPage {
  /** Each entry with the cursor that reads what comes after it. */
  entries: (LogEntry & { cursor: AllCursor })[];
  next: AllCursor | null;
}

/**
 * Every log merged by time (`audit tail` without --type), `limit` entries after `cursors`, oldest first. Each log
 * is read after its own position and the heads are merged, so a page never skips an entry of a log it did not take.
 */
export function pageAllLogs(ctx: ServiceContext, f: AllFilter, cursors: Cursors, limit: number): AllLogPage {
  const heads = LOG_TYPES.map((type) => ({ rows: readLog(ctx, { ...f, type, after: cursors[type], limit: limit + 1 }), next: 0 }));
  const at = { ...cursors };
  const entries: AllLogPage["entries"] = [];
  while (entries.length < limit) {
    let best: (typeof heads)[number] | undefined;
    for (const h of heads) {
      const head = h.rows[h.next];
      if (head && (!best || byTime(head, best.rows[best.next]!) < 0)) best = h;
    }
    if (!best) break;
    const e = best.rows[best.next++]!;
    at[e.type] = e.position;
    entries.push({ ...e, cursor: formatAllCursor(at) });
  }
  const more = heads.some((h) => h.next < h.rows.length);
  return { entries, next: more ? formatAllCursor(at) : null };
}

/** Newest first, before a cursor (from the newest when none): a console's view of a log. */
export function pageLogNewest(ctx: ServiceContext, f: Omit<LogFilter, "after" | "limit" | "newestFirst">, before: Cursor | undefined, limit: number): LogPage {
  const rows = readLog(ctx, { ...f, newestFirst: { before }, limit: limit + 1 });
  const entries = rows.slice(0, limit);
  return { entries, next: rows.length > limit ? entries.at(-1)!.position : null };
}
