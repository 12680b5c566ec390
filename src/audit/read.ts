// Reading the audit logs (CLI `audit tail`, later the admin API): one entry shape for the four
// logs, newest last, with a cursor so a follower sees each change once, in order. Connection
// records change in place (authorised, closed, noted): they are followed by their change sequence
// (seq), the others by id.
import { alarmName } from "./alarms.ts";
import { and, asc, desc, eq, gt, gte, inArray, lt, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { alarmAudit, connAudit, consoleAudit, devices, fileAudit, users } from "../db/schema.ts";
import { notFound } from "../core/errors.ts";
import { CONN_TYPES } from "../devices/conn-types.ts";

export const LOG_TYPES = ["conn", "file", "alarm", "console"] as const;
export type LogType = (typeof LOG_TYPES)[number];

export interface LogEntry {
  type: LogType;
  id: number;
  guid: string;
  /** When the entry (or, for a connection, its last change) happened. */
  at: number;
  device?: string;
  peer?: string;
  action: string;
  details: Record<string, unknown>;
  /** The follow cursor of this entry: seq for connection records, id for the others. */
  position: number;
}

/** Where a follower is: the position of the last entry it printed. */
export type Cursor = number;

export interface LogFilter {
  type: LogType;
  device?: string;
  /** console: the actor; device logs: devices this user owns. */
  user?: string;
  since?: number;
  /** The oldest `limit` entries after this position, instead of the newest `limit`. */
  after?: Cursor;
  /** Newest first (a console's view), starting before this position when given. */
  newestFirst?: { before?: Cursor };
  /** How many entries (default 50). */
  limit?: number;
}

export { CONN_TYPES };
const AUTH = ["", "click-approve", "temporary password", "permanent password", "switch sides"];

function ownedBy(ctx: ServiceContext, user: string, rdId: AnyColumn): SQL {
  const u = ctx.db.select({ id: users.id }).from(users).where(eq(users.name, user)).get();
  if (!u) throw notFound(`user "${user}" not found`);
  return inArray(rdId, sql`(select ${devices.rdId} from ${devices} where ${devices.ownerId} = ${u.id})`);
}

/** The filter's condition on its log's table, without the follow cursor. */
function conditionOf(ctx: ServiceContext, f: LogFilter): SQL | undefined {
  const since = (at: AnyColumn) => (f.since !== undefined ? gte(at, f.since) : undefined);
  if (f.type === "conn") return and(f.device ? eq(connAudit.rdId, f.device) : undefined, f.user ? ownedBy(ctx, f.user, connAudit.rdId) : undefined, since(connAudit.updatedAt));
  if (f.type === "file") return and(f.device ? eq(fileAudit.rdId, f.device) : undefined, f.user ? ownedBy(ctx, f.user, fileAudit.rdId) : undefined, since(fileAudit.createdAt));
  if (f.type === "alarm") return and(f.device ? eq(alarmAudit.rdId, f.device) : undefined, f.user ? ownedBy(ctx, f.user, alarmAudit.rdId) : undefined, since(alarmAudit.createdAt));
  const t = consoleAudit;
  return and(f.device ? and(eq(t.targetType, "device"), eq(t.targetName, f.device)) : undefined, f.user ? eq(t.actorName, f.user) : undefined, since(t.createdAt));
}

/** How many entries match the filter (its cursor and limit aside): the total of an export. */
export function countLog(ctx: ServiceContext, f: LogFilter): number {
  const table = { conn: connAudit, file: fileAudit, alarm: alarmAudit, console: consoleAudit }[f.type];
  return ctx.db.select({ n: sql<number>`count(*)` }).from(table as typeof consoleAudit).where(conditionOf(ctx, f)).get()!.n;
}

export function readLog(ctx: ServiceContext, f: LogFilter): LogEntry[] {
  const limit = Math.min(f.limit ?? 50, 100_000);
  // Newest `limit`, printed oldest first; or, for a follower, the next `limit` in order; or newest first.
  const order = (pos: AnyColumn) => (f.after === undefined ? desc(pos) : asc(pos));
  const inOrder = <T>(rows: T[]) => (f.after === undefined && !f.newestFirst ? rows.reverse() : rows);
  const before = f.newestFirst?.before;
  const after = (pos: AnyColumn) => (f.after !== undefined ? gt(pos, f.after) : before !== undefined ? lt(pos, before) : undefined);
  if (f.type === "conn") {
    const t = connAudit;
    const where = and(conditionOf(ctx, f), after(t.seq));
    const rows = inOrder(ctx.db.select().from(t).where(where).orderBy(order(t.seq)).limit(limit).all());
    return rows.map((r) => ({
      type: "conn",
      id: r.id,
      position: r.seq,
      guid: r.guid,
      at: r.updatedAt,
      device: r.rdId,
      peer: r.peerId ? `${r.peerId}${r.peerName ? ` (${r.peerName})` : ""}` : undefined,
      action: r.closedAt !== null ? "closed" : r.authorizedAt !== null ? "authorised" : "opened",
      details: {
        conn_id: r.connId,
        session_id: r.sessionId,
        conn_type: r.connType === null ? null : (CONN_TYPES[r.connType] ?? r.connType),
        auth: r.primaryAuth === null ? null : (AUTH[r.primaryAuth] ?? r.primaryAuth),
        two_factor: r.twoFactor === null ? null : r.twoFactor === 1 ? "totp" : r.twoFactor === 2 ? "trusted device" : r.twoFactor,
        ip: r.ip,
        opened_at: r.openedAt,
        closed_at: r.closedAt,
        duration_s: r.closedAt === null ? null : Math.round((r.closedAt - (r.authorizedAt ?? r.openedAt)) / 1000),
        note: r.note,
      },
    }));
  }
  if (f.type === "file") {
    const t = fileAudit;
    const where = and(conditionOf(ctx, f), after(t.id));
    return inOrder(ctx.db.select().from(t).where(where).orderBy(order(t.id)).limit(limit).all()).map((r) => ({
      type: "file",
      id: r.id,
      position: r.id,
      guid: r.guid,
      at: r.createdAt,
      device: r.rdId,
      peer: r.peerId ? `${r.peerId}${r.peerName ? ` (${r.peerName})` : ""}` : undefined,
      action: r.direction === 0 ? "sent" : "received",
      details: { path: r.path, is_file: r.isFile, files: r.files, count: r.fileCount, ip: r.ip, ...(r.infoRaw !== null ? { info_raw: r.infoRaw } : {}) },
    }));
  }
  if (f.type === "alarm") {
    const t = alarmAudit;
    const where = and(conditionOf(ctx, f), after(t.id));
    return inOrder(ctx.db.select().from(t).where(where).orderBy(order(t.id)).limit(limit).all()).map((r) => ({
      type: "alarm",
      id: r.id,
      position: r.id,
      guid: r.guid,
      at: r.createdAt,
      device: r.rdId,
      action: alarmName(r.typ),
      details: { typ: r.typ, ...r.info, ...(r.infoRaw !== null ? { info_raw: r.infoRaw } : {}), conn_audit_ref: r.connAuditRef },
    }));
  }
  const t = consoleAudit;
  const where = and(conditionOf(ctx, f), after(t.id));
  return inOrder(ctx.db.select().from(t).where(where).orderBy(order(t.id)).limit(limit).all()).map((r) => ({
    type: "console",
    id: r.id,
    position: r.id,
    guid: r.guid,
    at: r.createdAt,
    device: r.targetType === "device" ? (r.targetName ?? undefined) : undefined,
    action: r.action,
    details: { actor: r.actorName, actor_type: r.actorType, target: r.targetName ?? r.targetGuid, target_type: r.targetType, ip: r.ip, ...r.details },
  }));
}


export const cursorOf = (e: LogEntry): Cursor => e.position;
