// The remote sessions live right now, fleet-wide: each connection id an online device reported in its
// last heartbeat (`conns`), with who is on it from the device's open connection-audit record. A session's
// id is "<RustDesk ID>:<connection id>" (":" never occurs in a device ID: src/net/device-id.ts). Reads
// the written presence: the admin route flushes the runtime's pending beats first.
import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { applyListQuery, checkListQuery, type ListQuery } from "../core/list-query.ts";
import { connAudit, deviceDisconnects, devicePresence, devices } from "../db/schema.ts";
import { invalid, notFound } from "../core/errors.ts";
import { connTypeName } from "./conn-types.ts";
import { disconnectDevice, groupName, ownerName } from "./service.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** One live session as the admin API and the CLI show it. */
export interface LiveSessionRow {
  [field: string]: string | number | boolean | null;
  id: string;
  device: string;
  device_name: string;
  device_group: string | null;
  user: string | null;
  conn: number;
  controller_id: string | null;
  controller_name: string | null;
  type: string | null;
  since: string | null;
  ip: string | null;
  device_ip: string | null;
  disconnect_queued: boolean;
}

/** The fields `filter` and `sortBy` may name. */
export const SESSION_FIELDS = ["id", "device", "device_name", "device_group", "user", "conn", "controller_id", "controller_name", "type", "since", "ip", "device_ip", "disconnect_queued"] as const;

/** Every live session, by device ID then connection id; `rdId`: one device's only. */
export function liveSessions(ctx: ServiceContext, rdId?: string): LiveSessionRow[] {
  const onlineSince = ctx.now() - ctx.config.devices.offline_after_seconds * 1000;
  const rows = ctx.db
    .select({ d: devices, p: devicePresence, owner: ownerName, group: groupName })
    .from(devicePresence)
    .innerJoin(devices, eq(devices.id, devicePresence.deviceId))
    .where(and(gte(devicePresence.lastSeenAt, onlineSince), sql`${devicePresence.conns} != '[]'`, rdId === undefined ? undefined : eq(devices.rdId, rdId)))
    .orderBy(asc(devices.rdId))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.d.rdId);
  // Several open records may carry one connection id (ids restart with the client): the newest is the live one.
  const open = new Map<string, typeof connAudit.$inferSelect>();
  for (const a of ctx.db.select().from(connAudit).where(and(inArray(connAudit.rdId, ids), isNull(connAudit.closedAt))).orderBy(asc(connAudit.id)).all()) open.set(`${a.rdId}:${a.connId}`, a);
  const queued = new Set(
    ctx.db
      .select({ d: deviceDisconnects.deviceId, c: deviceDisconnects.connId })
      .from(deviceDisconnects)
      .where(inArray(deviceDisconnects.deviceId, rows.map((r) => r.d.id)))
      .all()
      .map((q) => `${q.d}:${q.c}`),
  );
  return rows.flatMap(({ d, p, owner, group }) =>
    [...p.conns].sort((a, b) => a - b).map((conn) => {
      const a = open.get(`${d.rdId}:${conn}`);
      return {
        id: `${d.rdId}:${conn}`,
        device: d.rdId,
        device_name: d.alias || (d.sysinfo.hostname ?? ""),
        device_group: group,
        user: owner,
        conn,
        controller_id: a?.peerId ?? null,
        controller_name: a?.peerName ?? null,
        type: connTypeName(a?.connType ?? null),
        since: iso(a ? (a.authorizedAt ?? a.openedAt) : null),
        ip: a?.ip ?? null,
        device_ip: p.lastIp,
        disconnect_queued: queued.has(`${d.id}:${conn}`),
      };
    }),
  );
}

/** FastX's list: filtered, sorted and paged; a bad query is refused before anything is read. */
export function listLiveSessions(ctx: ServiceContext, q: ListQuery): { total: number; data: LiveSessionRow[] } {
  checkListQuery(q, SESSION_FIELDS);
  return applyListQuery(liveSessions(ctx), q, SESSION_FIELDS);
}

/** How many sessions match the filters (all of them without). */
export const countLiveSessions = (ctx: ServiceContext, filter: readonly string[] = []) => listLiveSessions(ctx, { filter }).total;

/** "<RustDesk ID>:<connection id>" → its parts; INVALID_INPUT otherwise. */
export function parseSessionId(id: string): { device: string; conn: number } {
  const at = id.lastIndexOf(":");
  const conn = id.slice(at + 1);
  if (at < 1 || !/^\d{1,10}$/.test(conn) || Number(conn) > 0xffffffff) throw invalid(`not a session id: "${id.slice(0, 120)}" (it is <device ID>:<connection id>, as listed)`);
  return { device: id.slice(0, at), conn: Number(conn) };
}

/**
 * Queues the cut of one live session: the device closes it when its next heartbeat's reply says so
 * (the only channel the server has to a device). NOT_FOUND when the session is not live.
 */
export function disconnectSession(ctx: ServiceContext, id: string): LiveSessionRow {
  const { device, conn } = parseSessionId(id);
  const s = liveSessions(ctx, device).find((x) => x.conn === conn);
  if (!s) throw notFound(`no live session ${id.slice(0, 120)} (see GET /api/admin/sessions)`);
  disconnectDevice(ctx, device, conn);
  return { ...s, disconnect_queued: true };
}
