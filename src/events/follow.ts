// One reader's walk through the audit logs and the server log, from its cursor on: each call reads what came
// after it (from the database, and the log ring), merges the sources by time — each source stays in its own
// order — and advances the cursor past what it returns. Entries a filter drops advance it too.
import type { ServiceContext } from "../core/context.ts";
import type { LogLine, LogRing } from "../core/log-ring.ts";
import { readLog, type LogEntry, type LogType } from "../audit/read.ts";
import { encodeCursor, type EventCursor } from "./cursor.ts";
import { auditLevel, auditTypesOf, passes, wantsLog, type EventFilter } from "./filter.ts";

interface Item {
  at: number;
  advance: (c: EventCursor) => void;
  /** The event's data, or null when the filter drops it. */
  data: Record<string, unknown> | null;
}

export interface Batch {
  /** SSE text: the events, each with its id; "" when none. */
  text: string;
  /** Whether the cursor moved (entries may all have been filtered out). */
  moved: boolean;
}

const sse = (id: string, data: unknown, event?: string) => `id: ${id}\n${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`;

function auditItem(f: EventFilter, e: LogEntry): Item {
  const level = auditLevel(e);
  const data = { type: e.type, id: e.id, guid: e.guid, at: new Date(e.at).toISOString(), device: e.device, peer: e.peer, action: e.action, details: e.details, level, cursor: e.position };
  return { at: e.at, advance: (c) => (c.audit[e.type] = e.position), data: passes(f, level) ? data : null };
}

function lineItem(f: EventFilter, l: LogLine): Item {
  return { at: l.time, advance: (c) => (c.logLine = l.id), data: passes(f, l.level) ? { type: "log", id: l.id, time: new Date(l.time).toISOString(), level: l.level, message: l.message } : null };
}

/** A reset event: log lines this reader should have had are gone (the ring moved on, or the server restarted). */
function resetText(c: EventCursor, ring: LogRing, missed: number | null, resumeAfter: number): string {
  const why = missed === null ? "the server restarted: log lines of its previous run are not kept" : `${missed} log lines fell out of the in-memory log before they were sent`;
  c.logEpoch = ring.epoch;
  c.logLine = resumeAfter; // the reset's own id already points past what is gone
  return sse(encodeCursor(c), { log_lines_missed: missed, reason: why }, "reset");
}

/** `versionOf`: a count that moves whenever the log is written (hub.ts); unread logs that did not move are skipped. */
export function createFollower(ctx: ServiceContext, ring: LogRing, filter: EventFilter, cursor: EventCursor, versionOf: (type: LogType) => number) {
  const types = auditTypesOf(filter);
  const emptyAt: Partial<Record<LogType, number>> = {};
  const read = (type: LogType, limit: number): Item[] => {
    const version = versionOf(type);
    if (emptyAt[type] === version) return [];
    const entries = readLog(ctx, { type, device: filter.device, user: filter.user, after: cursor.audit[type], limit });
    if (entries.length === 0) emptyAt[type] = version;
    return entries.map((e) => auditItem(filter, e));
  };
  const withLog = wantsLog(filter);
  return {
    cursor,
    next(limit: number): Batch {
      let text = "";
      if (withLog && cursor.logEpoch !== ring.epoch) {
        text += resetText(cursor, ring, null, 0);
      } else if (withLog && cursor.logLine < ring.oldest - 1) {
        text += resetText(cursor, ring, ring.oldest - 1 - cursor.logLine, ring.oldest - 1);
      }
      const sources: Item[][] = types.map((type) => read(type, limit));
      if (withLog) sources.push(ring.after(cursor.logLine, limit).map((l) => lineItem(filter, l)));
      const heads = sources.map(() => 0);
      let taken = 0;
      for (; taken < limit; taken++) {
        let best = -1;
        for (let s = 0; s < sources.length; s++) if (heads[s]! < sources[s]!.length && (best < 0 || sources[s]![heads[s]!]!.at < sources[best]![heads[best]!]!.at)) best = s;
        if (best < 0) break;
        const item = sources[best]![heads[best]!++]!;
        item.advance(cursor);
        if (item.data) text += sse(encodeCursor(cursor), item.data);
      }
      return { text, moved: taken > 0 || text !== "" };
    },
  };
}
