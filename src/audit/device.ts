// Device-side audit posts (client: src/server/connection.rs:1406-1499 (rustdesk@7423dced)): no token; accepted only from a
// registered device whose id and uuid match, de-duplicated by nonce, answered 200 with an empty
// body (the client retries anything else: client: src/server/connection.rs:1548-1578 (rustdesk@7423dced)).
// The in-session note (client: src/ui_session_interface.rs:2066-2068 (rustdesk@7423dced)) has no uuid: its session_id,
// a random u64 both ends share, is the only capability, and it only changes an existing record.
import { publish } from "../notify/events.ts";
import { alarmName } from "./alarms.ts";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { auditWritten } from "../core/audit-feed.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { alarmAudit, auditNonces, connAudit, fileAudit } from "../db/schema.ts";
import { invalid, notFound, ServiceError } from "../core/errors.ts";
import { parseJsonText, tryParseJsonText } from "../http/json-body.ts";
import { isDeviceId } from "../net/device-id.ts";
import { ALARM_FIELDS, checkFieldTypes, CONN_FIELDS, FILE_FIELDS } from "./wire-types.ts";

/** A device audit body; `session_id` arrives as decimal text (see parseAuditJson). */
export type AuditBody = Record<string, unknown>;

/** What the caller checks for us: the device is registered, enabled, and its uuid matches; its row id, or null. */
export type DeviceCheck = (rdId: string, uuid: string) => number | null;

const U64 = /^\d{1,20}$/;
const MAX_U64 = 18446744073709551615n;

/**
 * JSON.parse that keeps `session_id` exact: above 2^53 a JS number would round it, and the note and
 * conn/active lookups match on it (a random u64, so it can exceed 2^63: client: src/client.rs:1864 (rustdesk@7423dced)).
 */
export function parseAuditJson(text: string): unknown {
  return parseJsonText(text, function (key, value, context?: { source?: string }) {
    return key === "session_id" && typeof value === "number" && context?.source !== undefined ? context.source : value;
  });
}

const str = (v: unknown, max: number): string | undefined => (typeof v === "string" ? v.slice(0, max) : undefined);
const int = (v: unknown, min: number, max: number): number | undefined => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : undefined);

/** A u64 session id (a safe number, or decimal text) in canonical decimal; 400 otherwise. */
export function sessionIdOf(v: unknown): string {
  const s = typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? String(v) : v;
  if (typeof s !== "string" || !U64.test(s) || BigInt(s) > MAX_U64) throw invalid('"session_id" must be an unsigned 64-bit integer');
  return String(BigInt(s)); // canonical: no leading zeros
}

function requireString(body: AuditBody, key: string, max: number): string {
  const v = body[key];
  if (typeof v !== "string" || v.length < 1 || v.length > max) throw invalid(`missing or invalid "${key}"`);
  return v;
}

function deviceIdOf(body: AuditBody): string {
  if (!isDeviceId(body.id)) throw invalid('missing or invalid "id"');
  return body.id;
}

function checkDevice(body: AuditBody, isDevice: DeviceCheck): { rdId: string; deviceId: number } {
  const rdId = deviceIdOf(body);
  const uuid = requireString(body, "uuid", 200);
  const deviceId = isDevice(rdId, uuid);
  if (deviceId === null) throw new ServiceError("FORBIDDEN", "unknown device");
  return { rdId, deviceId };
}

/** A "new" event's record waits this long for its authorised event; older ones are not merged into. */
const AUTHORISE_WITHIN_MS = 120_000;

/** Runs `write` unless the nonce was seen; a post without one (1.4.9 and older) is always written. */
function onceByNonce(ctx: ServiceContext, body: AuditBody, write: (tx: ServiceContext) => void): void {
  const nonce = body.nonce === undefined ? undefined : requireString(body, "nonce", 100);
  withTransaction(ctx, (tx) => {
    if (nonce !== undefined) {
      const fresh = tx.db.insert(auditNonces).values({ nonce, createdAt: tx.now() }).onConflictDoNothing().returning({ nonce: auditNonces.nonce }).get();
      if (!fresh) return;
    }
    write(tx);
  });
}

/** POST /api/audit/conn: the three connection events, or the controller's note. */
export function postConnAudit(ctx: ServiceContext, body: AuditBody, isDevice: DeviceCheck): void {
  checkFieldTypes(body, CONN_FIELDS);
  if (typeof body.note === "string" && body.uuid === undefined) return attachNote(ctx, body);
  const { rdId, deviceId } = checkDevice(body, isDevice);
  const connId = int(body.conn_id, -(2 ** 31), 2 ** 31 - 1);
  if (connId === undefined) throw invalid('missing or invalid "conn_id"');
  const sessionId = body.session_id === undefined ? "0" : sessionIdOf(body.session_id);
  const action = body.action;
  if (action !== undefined && action !== "new" && action !== "close") throw invalid('"action" must be "new" or "close"');
  if (action === undefined && !Array.isArray(body.peer)) throw invalid('an authorised-connection event needs "peer"');
  onceByNonce(ctx, body, (tx) => {
    auditWritten(tx, "conn");
    const now = tx.now();
    const seq = nextSeq(tx);
    // The open record of this connection; conn ids restart with the client (client: src/server.rs:124 (rustdesk@7423dced)), session ids do not.
    const open = (session: string | null) =>
      tx.db
        .select()
        .from(connAudit)
        .where(and(eq(connAudit.deviceId, deviceId), eq(connAudit.connId, connId), isNull(connAudit.closedAt), session === null ? undefined : eq(connAudit.sessionId, session)))
        .orderBy(desc(connAudit.id))
        .get();
    if (action === "new") {
      tx.db.insert(connAudit).values({ rdId, deviceId, connId, sessionId, ip: str(body.ip, 100) ?? null, connAuditRef: str(body.conn_audit_ref, 200) ?? null, openedAt: now, updatedAt: now, seq }).run();
      return;
    }
    if (action === "close") {
      const row = open(sessionId === "0" ? null : sessionId);
      if (row) tx.db.update(connAudit).set({ closedAt: now, updatedAt: now, seq }).where(eq(connAudit.id, row.id)).run();
      return;
    }
    const peer = body.peer as unknown[];
    const authorised = {
      sessionId,
      peerId: str(peer[0], 200) ?? "",
      peerName: str(peer[1], 200) ?? "",
      connType: int(body.type, 0, 255) ?? null,
      primaryAuth: int(body.primary_auth, 0, 255) ?? null,
      twoFactor: int(body.two_factor, 0, 255) ?? null,
      authorizedAt: now,
      updatedAt: now,
      seq,
    };
    const row = open("0");
    // The "new" event may have been lost (1.4.9 and older post once and ignore failures), or be a
    // leftover of a client that restarted and reuses conn ids: only a recent one is this connection.
    if (row && row.authorizedAt === null && now - row.openedAt <= AUTHORISE_WITHIN_MS) tx.db.update(connAudit).set(authorised).where(eq(connAudit.id, row.id)).run();
    else tx.db.insert(connAudit).values({ rdId, deviceId, connId, openedAt: now, ...authorised }).run();
  });
}

function attachNote(ctx: ServiceContext, body: AuditBody): void {
  const rdId = deviceIdOf(body);
  const sessionId = sessionIdOf(body.session_id);
  const note = (body.note as string).slice(0, 2000);
  if (sessionId === "0") throw invalid('"session_id" must be the session\'s');
  const find = (c: ServiceContext) =>
    c.db.select({ id: connAudit.id }).from(connAudit).where(and(eq(connAudit.rdId, rdId), eq(connAudit.sessionId, sessionId))).orderBy(desc(connAudit.id)).get();
  // Looked up before taking the write lock: most guesses find nothing.
  if (!find(ctx)) throw notFound("no connection with this session id");
  withTransaction(ctx, (tx) => {
    const row = find(tx);
    if (!row) throw notFound("no connection with this session id");
    tx.db.update(connAudit).set({ note, updatedAt: tx.now(), seq: nextSeq(tx) }).where(eq(connAudit.id, row.id)).run();
    auditWritten(tx, "conn");
  });
}

/** Past every record's seq; writers are serialised by the IMMEDIATE transaction. */
export const nextSeq = (tx: ServiceContext) => tx.db.select({ m: sql<number>`coalesce(max(${connAudit.seq}), 0)` }).from(connAudit).get()!.m + 1;

interface FileInfo {
  files?: unknown;
  ip?: unknown;
  name?: unknown;
  num?: unknown;
}

/**
 * `info` is a JSON-encoded string (client: src/server/connection.rs:1466 (rustdesk@7423dced),
 * client: src/server/connection.rs:1487 (rustdesk@7423dced)); undefined when it does not decode to an object.
 */
function decodeInfo(v: unknown): Record<string, unknown> | undefined {
  if (typeof v !== "string") return undefined;
  const o = tryParseJsonText(v);
  return o && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>) : undefined;
}

/** POST /api/audit/file */
export function postFileAudit(ctx: ServiceContext, body: AuditBody, isDevice: DeviceCheck): void {
  checkFieldTypes(body, FILE_FIELDS);
  const { rdId } = checkDevice(body, isDevice);
  const direction = int(body.type, 0, 1);
  if (direction === undefined) throw invalid('"type" must be 0 (sent) or 1 (received)');
  if (body.info !== undefined && typeof body.info !== "string") throw invalid('"info" must be a JSON-encoded string');
  const info = decodeInfo(body.info) as FileInfo | undefined;
  const files = Array.isArray(info?.files)
    ? info.files.filter((f): f is [string, number] => Array.isArray(f) && typeof f[0] === "string" && typeof f[1] === "number").slice(0, 10).map(([n, s]) => [n.slice(0, 260), s] as [string, number])
    : [];
  onceByNonce(ctx, body, (tx) => {
    auditWritten(tx, "file");
    tx.db
      .insert(fileAudit)
      .values({
        rdId,
        connId: int(body.conn_id, -(2 ** 31), 2 ** 31 - 1) ?? null,
        peerId: str(body.peer_id, 200) ?? null,
        peerName: str(info?.name, 200) ?? null,
        direction,
        path: str(body.path, 1000) ?? "",
        isFile: body.is_file === true,
        files,
        fileCount: int(info?.num, 0, Number.MAX_SAFE_INTEGER) ?? null,
        ip: str(info?.ip, 100) ?? null,
        infoRaw: info === undefined && typeof body.info === "string" ? body.info.slice(0, 1000) : null,
        createdAt: tx.now(),
      })
      .run();
  });
}

/** POST /api/audit/alarm */
export function postAlarmAudit(ctx: ServiceContext, body: AuditBody, isDevice: DeviceCheck): void {
  checkFieldTypes(body, ALARM_FIELDS);
  const { rdId } = checkDevice(body, isDevice);
  const typ = int(body.typ, -128, 127);
  if (typ === undefined) throw invalid('"typ" must be an integer from -128 to 127');
  if (body.info !== undefined && typeof body.info !== "string") throw invalid('"info" must be a JSON-encoded string');
  const info = decodeInfo(body.info);
  // fromEntries defines keys as data: a "__proto__" key stays a key instead of replacing the prototype.
  const kept: Record<string, unknown> = Object.fromEntries(
    Object.entries(info ?? {})
      .slice(0, 10)
      .map(([k, v]) => [k.slice(0, 50), typeof v === "string" ? v.slice(0, 300) : typeof v === "number" || typeof v === "boolean" ? v : null]),
  );
  onceByNonce(ctx, body, (tx) => {
    auditWritten(tx, "alarm");
    const ip = str(info?.ip, 100) ?? null;
    publish(tx, { kind: "alarm", title: `Alarm on device ${rdId}: ${alarmName(typ)}${ip ? ` (from ${ip})` : ""}`, data: { device: rdId, alarm: alarmName(typ), typ, ip, info: kept } });
    tx.db
      .insert(alarmAudit)
      .values({
        rdId,
        connId: int(body.conn_id, -(2 ** 31), 2 ** 31 - 1) ?? null,
        typ,
        info: kept,
        infoRaw: info === undefined && typeof body.info === "string" ? body.info.slice(0, 1000) : null,
        ip,
        connAuditRef: str(body.conn_audit_ref, 200) ?? null,
        createdAt: tx.now(),
      })
      .run();
  });
}
