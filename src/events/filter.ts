// What a reader of the live events asked for (GET /api/admin/events' query), and each event's level.
import { invalid } from "../core/errors.ts";
import { LOG_LINE_LEVELS, levelRank, type LogLineLevel } from "../core/log-ring.ts";
import { LOG_TYPES, type LogEntry, type LogType } from "../audit/read.ts";

export const EVENT_TYPES = [...LOG_TYPES, "log"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventFilter {
  types: ReadonlySet<EventType>;
  /** Audit events of this device only (RustDesk ID). */
  device?: string;
  /** Console: actions by this user (or token:<name>); device logs: this user's devices. */
  user?: string;
  /** This level and above. */
  level?: LogLineLevel;
}

export interface EventQuery {
  type?: string;
  device?: string;
  user?: string;
  level?: string;
  log?: string;
}

/** Console actions that are worth a warning in a live view: refusals and lockouts. */
const WARN_ACTIONS = new Set(["auth.login_failed", "auth.code_failed", "auth.lockout", "auth.sso_failed", "token.denied", "device.uuid_mismatch", "device.limit_reached"]);

export const auditLevel = (e: LogEntry): LogLineLevel => (e.type === "alarm" || (e.type === "console" && WARN_ACTIONS.has(e.action)) ? "warn" : "info");

export const passes = (f: EventFilter, level: LogLineLevel) => f.level === undefined || levelRank(level) >= levelRank(f.level);

/** The filter of a query; log lines are in only with log=1 (or type=log). INVALID_INPUT on a bad value. */
export function filterOf(q: EventQuery): EventFilter {
  const named = q.type === undefined || q.type === "" ? undefined : q.type.split(",").map((s) => s.trim());
  for (const t of named ?? []) if (!(EVENT_TYPES as readonly string[]).includes(t)) throw invalid(`type: one or more of ${EVENT_TYPES.join(", ")}, comma-separated`);
  if (q.log !== undefined && !["0", "1", "true", "false"].includes(q.log)) throw invalid("log: 1 (with the server log) or 0");
  if (q.level !== undefined && !(LOG_LINE_LEVELS as readonly string[]).includes(q.level)) throw invalid(`level: one of ${LOG_LINE_LEVELS.join(", ")}`);
  const withLog = q.log === "1" || q.log === "true";
  const types = new Set<EventType>(named ? (named as EventType[]) : [...LOG_TYPES, ...(withLog ? (["log"] as const) : [])]);
  return { types, device: q.device || undefined, user: q.user || undefined, level: q.level as LogLineLevel | undefined };
}

export const wantsLog = (f: EventFilter) => f.types.has("log");
export const auditTypesOf = (f: EventFilter) => LOG_TYPES.filter((t): t is LogType => f.types.has(t));
