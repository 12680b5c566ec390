// GET /api/admin/log: the in-memory server log (core/log-ring.ts), filtered here rather than by the caller.
import { invalid } from "../core/errors.ts";
import { LOG_LINE_LEVELS, levelRank, type LogLine, type LogLineLevel, type LogRing } from "../core/log-ring.ts";

export interface LogQuery {
  /** This level and above. */
  level?: string;
  /** Only lines at or after this time (ms since the epoch). */
  since?: number;
  /** Only lines containing this text (case-insensitive). */
  q?: string;
  /** The newest this many (default 100). */
  limit?: number;
}

export const MAX_LOG_LIMIT = 5000;

/** The matching lines, newest last, and how many matched before `limit`. */
export function listLogLines(ring: LogRing, query: LogQuery): { total: number; lines: LogLine[] } {
  if (query.level !== undefined && !(LOG_LINE_LEVELS as readonly string[]).includes(query.level)) throw invalid(`level: one of ${LOG_LINE_LEVELS.join(", ")}`);
  const min = query.level === undefined ? 0 : levelRank(query.level as LogLineLevel);
  const needle = query.q?.toLowerCase();
  const matched = ring
    .after(0, Number.MAX_SAFE_INTEGER)
    .filter((l) => levelRank(l.level) >= min && (query.since === undefined || l.time >= query.since) && (!needle || l.message.toLowerCase().includes(needle)));
  const limit = Math.min(Math.max(1, query.limit ?? 100), MAX_LOG_LIMIT);
  return { total: matched.length, lines: matched.slice(-limit) };
}
