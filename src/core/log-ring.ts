// The last N server log lines, kept in memory (bounded) for GET /api/admin/log and the live event stream.
// Line ids count up from 1 per process; `epoch` tells one process's ids from another's (ids restart).
import { randomBytes } from "node:crypto";

export const LOG_LINE_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLineLevel = (typeof LOG_LINE_LEVELS)[number];

export interface LogLine {
  id: number;
  time: number;
  level: LogLineLevel;
  message: string;
}

export const levelRank = (l: LogLineLevel) => LOG_LINE_LEVELS.indexOf(l);

/** consola's log types, folded into four levels. */
export function lineLevelOf(type: string): LogLineLevel {
  if (type === "fatal" || type === "error" || type === "fail") return "error";
  if (type === "warn") return "warn";
  if (type === "debug" || type === "trace" || type === "verbose") return "debug";
  return "info";
}

export class LogRing {
  readonly epoch = randomBytes(5).toString("hex");
  private readonly buf: LogLine[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(readonly size: number) {}

  push(time: number, level: LogLineLevel, message: string): void {
    if (this.size <= 0) return;
    const line = { id: this.nextId++, time, level, message };
    this.buf[line.id % this.size] = line;
    for (const l of this.listeners) l();
  }

  /** The id of the newest line (0: none yet). */
  get last(): number {
    return this.nextId - 1;
  }

  /** The id of the oldest line still held (last + 1 when none is). */
  get oldest(): number {
    return Math.max(1, this.nextId - this.size);
  }

  /** Up to `limit` lines after id `after`, oldest first (those that fell out of the ring are gone). */
  after(after: number, limit: number): LogLine[] {
    const out: LogLine[] = [];
    for (let id = Math.max(after + 1, this.oldest); id <= this.last && out.length < limit; id++) out.push(this.buf[id % this.size]!);
    return out;
  }

  /** Called after each new line; must not log (it would call itself). Returns the unsubscribe function. */
  onLine(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
