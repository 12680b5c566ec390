// Cursor paging over one audit log (the admin API's GET /api/admin/audit/{type}): the entries after a cursor,
// oldest first, and where the next page starts. A cursor is a log's follow position (read.ts: a connection
// record's change sequence, else the id), so a client paging to the end and then polling sees each change once.
import type { ServiceContext } from "../core/context.ts";
import { readLog, type Cursor, type LogEntry, type LogFilter } from "./read.ts";

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

/** Newest first, before a cursor (from the newest when none): a console's view of a log. */
export function pageLogNewest(ctx: ServiceContext, f: Omit<LogFilter, "after" | "limit" | "newestFirst">, before: Cursor | undefined, limit: number): LogPage {
  const rows = readLog(ctx, { ...f, newestFirst: { before }, limit: limit + 1 });
  const entries = rows.slice(0, limit);
  return { entries, next: rows.length > limit ? entries.at(-1)!.position : null };
}
