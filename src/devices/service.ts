// Admin verbs on devices, shared by the CLI and (later) the admin API.
import { and, asc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { containsAny } from "../core/like.ts";
import { connAudit, deviceDisconnects, deviceGroups, devicePresence, devices, users } from "../db/schema.ts";
import { invalid, notFound } from "../core/errors.ts";
import { requireDeviceGroup } from "../device-groups/service.ts";
import { findUserRow } from "../users/service.ts";
import { checkText } from "../core/validate.ts";
import { checkDeviceId, type DeviceRow } from "./registry.ts";

const DAY = 86_400_000;
const target = (d: DeviceRow) => ({ type: "device", guid: d.guid, name: d.rdId });

export interface DeviceView {
  guid: string;
  id: string;
  uuid: string;
  alias: string;
  note: string;
  enabled: boolean;
  pending: boolean;
  online: boolean;
  owner: string;
  group: string;
  sysinfo: Record<string, string>;
  /** Set by an enrolment (by rustdesk --assign --device_username); "" when not. */
  deviceUsername: string;
  /** Recorded by rustdesk --deploy; null when not. */
  pk: string | null;
  lastSeenAt: number | null;
  lastIp: string | null;
  conns: number[];
  createdAt: number;
}

export interface DeviceFilter {
  online?: boolean;
  offlineDays?: number;
  group?: string;
  user?: string;
  search?: string;
}

export function requireDevice(ctx: ServiceContext, rdId: string): DeviceRow {
  const d = ctx.db.select().from(devices).where(eq(devices.rdId, rdId)).get();
  if (!d) throw notFound(`device ${rdId} not found`);
  return d;
}

export function listDevices(ctx: ServiceContext, f: DeviceFilter = {}): DeviceView[] {
  return queryDevices(ctx, f);
}

function queryDevices(ctx: ServiceContext, f: DeviceFilter, only?: number): DeviceView[] {
  const onlineSince = onlineCutoff(ctx);
  return deviceQuery(ctx)
    .where(deviceConditions(ctx, f, only))
    .orderBy(asc(devices.id))
    .all()
    .map((r) => toDeviceView(r, onlineSince));
}

export const onlineCutoff = (ctx: ServiceContext) => ctx.now() - ctx.config.devices.offline_after_seconds * 1000;

/** The WHERE of a device list: the filters of `device list` (and of the admin API's). */
export function deviceConditions(ctx: ServiceContext, f: DeviceFilter, only?: number): SQL | undefined {
  const now = ctx.now();
  const conds: (SQL | undefined)[] = [];
  if (only !== undefined) conds.push(eq(devices.id, only));
  if (f.online) conds.push(sql`${devicePresence.lastSeenAt} >= ${onlineCutoff(ctx)}`);
  if (f.offlineDays !== undefined) conds.push(or(isNull(devicePresence.lastSeenAt), lt(devicePresence.lastSeenAt, now - f.offlineDays * DAY)));
  if (f.group) conds.push(eq(devices.groupId, requireDeviceGroup(ctx, f.group).id));
  if (f.user) {
    const u = findUserRow(ctx, f.user);
    if (!u) throw notFound(`user "${f.user}" not found`);
    conds.push(eq(devices.ownerId, u.id));
  }
  if (f.search) {
    // Plain printable ASCII is stored as is in the JSON text: matching that text first spares json_extract on
    // most rows (a search of 100,000 devices: ≈ 180 → 45 ms).
    const hostname = sql`json_extract(${devices.sysinfo}, '$.hostname')`;
    const plain = /^[\x20-\x7e]*$/.test(f.search) && !/["\\]/.test(f.search);
    if (plain) conds.push(sql`(${containsAny([devices.rdId, devices.alias, devices.note], f.search)} or (${containsAny([devices.sysinfo], f.search)} and ${containsAny([hostname], f.search)}))`);
    else conds.push(containsAny([devices.rdId, devices.alias, hostname, devices.note], f.search));
  }
  return and(...conds);
}

// Names by scalar subquery, not LEFT JOIN: with statistics from when users were few (PRAGMA optimize at the
// first `user create`), SQLite planned the join as a scan of users for every device — 4 s for a page at
// 100,000 devices and 500 users. A subquery on the row id is always a lookup.
export const ownerName = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${devices.ownerId})`;
export const groupName = sql<string | null>`(select ${deviceGroups.name} from ${deviceGroups} where ${deviceGroups.id} = ${devices.groupId})`;

/** Devices with their presence, owner and group, before WHERE/ORDER/LIMIT. */
export const deviceQuery = (ctx: ServiceContext) =>
  ctx.db
    .select({ d: devices, p: devicePresence, owner: ownerName, group: groupName })
    .from(devices)
    .leftJoin(devicePresence, eq(devicePresence.deviceId, devices.id))
    .$dynamic();

type DeviceJoinRow = { d: DeviceRow; p: typeof devicePresence.$inferSelect | null; owner: string | null; group: string | null };

export function toDeviceView({ d, p, owner, group }: DeviceJoinRow, onlineSince: number): DeviceView {
  return {
    guid: d.guid,
    id: d.rdId,
    uuid: d.uuid,
    alias: d.alias,
    note: d.note,
    enabled: d.enabled,
    pending: d.pending,
    online: p?.lastSeenAt != null && p.lastSeenAt >= onlineSince,
    owner: owner ?? "",
    group: group ?? "",
    sysinfo: d.sysinfo,
    deviceUsername: d.deviceUsername,
    pk: d.pk,
    lastSeenAt: p?.lastSeenAt ?? null,
    lastIp: p?.lastIp ?? null,
    conns: p?.conns ?? [],
    createdAt: d.createdAt,
  };
}

export function getDevice(ctx: ServiceContext, rdId: string): DeviceView {
  return queryDevices(ctx, {}, requireDevice(ctx, rdId).id)[0]!;
}

export function setDevice(ctx: ServiceContext, rdId: string, input: { owner?: string; group?: string; note?: string; alias?: string; deviceUsername?: string }): void {
  withTransaction(ctx, (tx) => {
    const d = requireDevice(tx, rdId);
    const patch: Partial<DeviceRow> = {};
    if (input.owner !== undefined) {
      if (input.owner === "") patch.ownerId = null;
      else {
        const u = findUserRow(tx, input.owner);
        if (!u) throw notFound(`user "${input.owner}" not found`);
        patch.ownerId = u.id;
      }
    }
    if (input.group !== undefined) patch.groupId = input.group === "" ? null : requireDeviceGroup(tx, input.group).id;
    if (input.note !== undefined) patch.note = checkText("note", input.note, 2000);
    if (input.alias !== undefined) patch.alias = checkText("alias", input.alias, 200);
    if (input.deviceUsername !== undefined) patch.deviceUsername = checkText("device username", input.deviceUsername, 200);
    if (!Object.keys(patch).length) throw invalid("nothing to change");
    tx.db.update(devices).set({ ...patch, updatedAt: tx.now() }).where(eq(devices.id, d.id)).run();
    emitAudit(tx, "device.update", target(d), { ...input });
  });
}

function setState(ctx: ServiceContext, rdId: string, state: { enabled?: boolean; pending?: boolean }, action: "device.enable" | "device.disable" | "device.approve"): void {
  withTransaction(ctx, (tx) => {
    const d = requireDevice(tx, rdId);
    tx.db.update(devices).set({ ...state, updatedAt: tx.now() }).where(eq(devices.id, d.id)).run();
    emitAudit(tx, action, target(d));
  });
}

export const disableDevice = (ctx: ServiceContext, rdId: string) => setState(ctx, rdId, { enabled: false }, "device.disable");
export const enableDevice = (ctx: ServiceContext, rdId: string) => setState(ctx, rdId, { enabled: true, pending: false }, "device.enable");

/** Approves a pending device; an unknown ID is pre-registered (for devices.registration = closed). */
export function approveDevice(ctx: ServiceContext, rdId: string): "approved" | "preregistered" {
  const id = checkDeviceId(rdId);
  return withTransaction(ctx, (tx) => {
    const d = tx.db.select().from(devices).where(eq(devices.rdId, id)).get();
    if (d) {
      tx.db.update(devices).set({ enabled: true, pending: false, updatedAt: tx.now() }).where(eq(devices.id, d.id)).run();
      emitAudit(tx, "device.approve", target(d));
      return "approved";
    }
    const now = tx.now();
    const row = tx.db.insert(devices).values({ rdId: id, createdAt: now, updatedAt: now }).returning().get();
    emitAudit(tx, "device.approve", target(row), { preregistered: true });
    return "preregistered";
  });
}

/** Forgets the uuid: the next contact of this ID is trusted again (reinstalled or replaced machine). */
export function rekeyDevice(ctx: ServiceContext, rdId: string): void {
  withTransaction(ctx, (tx) => {
    const d = requireDevice(tx, rdId);
    tx.db.update(devices).set({ uuid: "", updatedAt: tx.now() }).where(eq(devices.id, d.id)).run();
    emitAudit(tx, "device.rekey", target(d), { old_uuid: d.uuid });
  });
}

export function deleteDevice(ctx: ServiceContext, rdId: string): void {
  withTransaction(ctx, (tx) => {
    const d = requireDevice(tx, rdId);
    tx.db.delete(devices).where(eq(devices.id, d.id)).run();
    emitAudit(tx, "device.delete", target(d));
  });
}

/**
 * Devices not heard from in `days` days (never-seen ones by their registration time). `only`: delete just
 * these IDs of them (the admin API's explicit list from its dry run); the others are left alone.
 */
export function pruneDevices(ctx: ServiceContext, days: number, dryRun: boolean, only?: readonly string[]): string[] {
  if (!Number.isInteger(days) || days < 1) throw invalid("--offline-days takes a whole number of days, at least 1");
  const cutoff = ctx.now() - days * DAY;
  return withTransaction(ctx, (tx) => {
    const stale = tx.db
      .select({ d: devices })
      .from(devices)
      .leftJoin(devicePresence, eq(devicePresence.deviceId, devices.id))
      .where(sql`coalesce(${devicePresence.lastSeenAt}, ${devices.createdAt}) < ${cutoff}`)
      .all()
      .map((r) => r.d)
      .filter((d) => !only || only.includes(d.rdId));
    if (!dryRun && stale.length) {
      tx.db.delete(devices).where(inArray(devices.id, stale.map((d) => d.id))).run();
      for (const d of stale) emitAudit(tx, "device.delete", target(d), { pruned: true, offline_days: days });
    }
    return stale.map((d) => d.rdId);
  });
}

/** Who is on a live connection, from its open audit record (client: src/server/connection.rs:1762 (rustdesk@7423dced)). */
export interface LiveSession {
  conn: number;
  peer: string | null;
  connType: number | null;
  since: number | null;
}

/**
 * Live connection ids the device reported in its last (flushed) heartbeat, with who is on each
 * when the device's connection audit says so, and the queued cuts.
 */
export function deviceSessions(ctx: ServiceContext, rdId: string): { conns: number[]; sessions: LiveSession[]; queued: number[]; lastSeenAt: number | null } {
  const d = requireDevice(ctx, rdId);
  const queued = ctx.db.select({ c: deviceDisconnects.connId }).from(deviceDisconnects).where(eq(deviceDisconnects.deviceId, d.id)).all().map((r) => r.c);
  const p = presenceOf(ctx, d.id);
  const open = p.conns.length
    ? ctx.db.select().from(connAudit).where(and(eq(connAudit.rdId, rdId), inArray(connAudit.connId, p.conns), isNull(connAudit.closedAt))).orderBy(asc(connAudit.id)).all()
    : [];
  const sessions = p.conns.map((conn) => {
    const r = open.filter((o) => o.connId === conn).at(-1);
    return { conn, peer: r?.peerId ? `${r.peerId}${r.peerName ? ` (${r.peerName})` : ""}` : null, connType: r?.connType ?? null, since: r ? (r.authorizedAt ?? r.openedAt) : null };
  });
  return { conns: p.conns, sessions, queued, lastSeenAt: p.lastSeenAt };
}

function presenceOf(ctx: ServiceContext, deviceId: number): { conns: number[]; lastSeenAt: number | null } {
  const p = ctx.db.select().from(devicePresence).where(eq(devicePresence.deviceId, deviceId)).get();
  return { conns: p?.conns ?? [], lastSeenAt: p?.lastSeenAt ?? null };
}

/** Queues cuts; only connection ids the device itself reported are ever sent to it. */
export function disconnectDevice(ctx: ServiceContext, rdId: string, which: number | "all"): number[] {
  return withTransaction(ctx, (tx) => {
    const d = requireDevice(tx, rdId);
    const { conns } = presenceOf(tx, d.id);
    const ids = which === "all" ? conns : conns.includes(which) ? [which] : [];
    if (!ids.length) throw invalid(which === "all" ? `device ${rdId} reports no live connection` : `device ${rdId} does not report connection ${which}`);
    for (const c of ids) tx.db.insert(deviceDisconnects).values({ deviceId: d.id, connId: c, createdAt: tx.now() }).onConflictDoNothing().run();
    emitAudit(tx, "device.disconnect", target(d), { conns: ids });
    return ids;
  });
}

