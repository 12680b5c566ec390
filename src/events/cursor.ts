// The id of a live event is where its reader stands in every source at once: the follow position of each
// audit log (read.ts: a connection record's change sequence, else the row id) and the server log's line id,
// tagged with the process the line ids belong to. Resuming from it reads each log past its own position, so a
// reconnect neither skips nor repeats a row, whatever order the logs were interleaved in, and across restarts:
// the rows are in the database. Log lines are in memory only; a resume that cannot have them is told (reset).
import type { ServiceContext } from "../core/context.ts";
import { invalid } from "../core/errors.ts";
import type { LogRing } from "../core/log-ring.ts";
import { LOG_TYPES, readLog, type LogType } from "../audit/read.ts";

export interface EventCursor {
  audit: Record<LogType, number>;
  logEpoch: string;
  logLine: number;
}

const ID = /^(\d{1,15})\.(\d{1,15})\.(\d{1,15})\.(\d{1,15})\.([0-9a-f]{1,16})\.(\d{1,15})$/;

export const SYNTAX = "conn.file.alarm.console.<log epoch>.<log line>, e.g. 12.40.3.998.6f2a9c01de.55";

export const encodeCursor = (c: EventCursor) => `${LOG_TYPES.map((t) => c.audit[t]).join(".")}.${c.logEpoch}.${c.logLine}`;

export function decodeCursor(id: string): EventCursor {
  const m = ID.exec(id.trim());
  if (!m) throw invalid(`Last-Event-ID is not an event id of this server (${SYNTAX})`);
  const n = m.slice(1).map(Number);
  return { audit: { conn: n[0]!, file: n[1]!, alarm: n[2]!, console: n[3]! }, logEpoch: m[5]!, logLine: n[5]! };
}

/** Where "from now on" starts: past the newest entry of each log and the newest log line. */
export function headCursor(ctx: ServiceContext, ring: LogRing): EventCursor {
  const at = (type: LogType) => readLog(ctx, { type, limit: 1 }).at(-1)?.position ?? 0;
  return { audit: { conn: at("conn"), file: at("file"), alarm: at("alarm"), console: at("console") }, logEpoch: ring.epoch, logLine: ring.last };
}
