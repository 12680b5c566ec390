// GET /api/admin/dashboard/timeline: recent notable events, newest first — the console audit (new devices,
// logins, failed logins, lockouts, admin changes) merged with the alarms devices raised. Each source is read
// newest first through its created_at index, at most `limit` rows, and the two are merged here.
import { and, desc, gte, ne, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { alarmName } from "../audit/alarms.ts";
import { alarmAudit, consoleAudit } from "../db/schema.ts";

export const TIMELINE_MAX = 500;

export type EventKind = "device" | "login" | "login_failed" | "lockout" | "alarm" | "admin";

export interface TimelineEvent {
  /** "console:<id>" or "alarm:<id>": unique across both sources. */
  id: string;
  at: number;
  kind: EventKind;
  action: string;
  actor: string;
  target: string | null;
  details: Record<string, unknown>;
}

const KIND: Record<string, EventKind> = {
  "auth.login": "login",
  "auth.login_failed": "login_failed",
  "auth.code_failed": "login_failed",
  "auth.sso_failed": "login_failed",
  "auth.lockout": "lockout",
};

/** The console audit's own housekeeping is not an event anyone acted on. */
const HOUSEKEEPING = "retention.purge";

const kindOf = (action: string): EventKind => KIND[action] ?? (action.startsWith("device.") ? "device" : "admin");

/** `since`: only events at or after it (ms); `limit`: 1..TIMELINE_MAX. */
export function timeline(ctx: ServiceContext, input: { since?: number; limit: number }): TimelineEvent[] {
  const limit = Math.min(Math.max(1, input.limit), TIMELINE_MAX);
  const after = (col: typeof consoleAudit.createdAt | typeof alarmAudit.createdAt): SQL | undefined => (input.since === undefined ? undefined : gte(col, input.since));
  const consoleRows = ctx.db
    .select()
    .from(consoleAudit)
    .where(and(ne(consoleAudit.action, HOUSEKEEPING), after(consoleAudit.createdAt)))
    .orderBy(desc(consoleAudit.createdAt), desc(consoleAudit.id))
    .limit(limit)
    .all();
  const alarmRows = ctx.db.select().from(alarmAudit).where(after(alarmAudit.createdAt)).orderBy(desc(alarmAudit.createdAt), desc(alarmAudit.id)).limit(limit).all();
  const events: TimelineEvent[] = [
    ...consoleRows.map((r) => ({
      id: `console:${r.id}`,
      at: r.createdAt,
      kind: kindOf(r.action),
      action: r.action,
      actor: r.actorName,
      target: r.targetName ?? r.targetGuid,
      details: r.details,
    })),
    ...alarmRows.map((r) => ({
      id: `alarm:${r.id}`,
      at: r.createdAt,
      kind: "alarm" as const,
      action: alarmName(r.typ),
      actor: r.rdId,
      target: r.rdId,
      details: { ...r.info, ...(r.ip ? { ip: r.ip } : {}) },
    })),
  ];
  // Newest first; at the same millisecond alarms before console rows, then the later row first: a stable order.
  const rowOf = (e: TimelineEvent) => Number(e.id.slice(e.id.indexOf(":") + 1));
  events.sort((a, b) => b.at - a.at || Number(b.kind === "alarm") - Number(a.kind === "alarm") || rowOf(b) - rowOf(a));
  return events.slice(0, limit);
}
