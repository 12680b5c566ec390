// Client access tokens. Only SHA-256(token) is stored; expiry slides with use, and the
// last-used write happens at most every few minutes so requests stay read-only.
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { newSecret, sameHash, sha256 } from "../crypto/tokens.ts";
import { sessions, users, type DeviceInfo, type SessionKind } from "../db/schema.ts";
import { notFound } from "../core/errors.ts";
import { toUser, type User } from "../users/model.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TOUCH_EVERY = 5 * 60_000;

export interface Device {
  id: string;
  uuid: string;
  info: DeviceInfo;
  /** What signs in: a RustDesk client (the default) or a browser on the console (id and uuid ""). */
  kind?: SessionKind;
}

/** How long a session stays valid after its last use: client logins in days, console sign-ins in hours. */
const lifetime = (ctx: ServiceContext, kind: SessionKind) => (kind === "console" ? ctx.config.auth.console_session_hours * HOUR : ctx.config.auth.session_days * DAY);

export type SessionRow = typeof sessions.$inferSelect;

/** Creates a session for `user` and returns the token (shown once). Call inside a transaction. */
export function createSession(ctx: ServiceContext, userId: number, device: Device): string {
  const token = newSecret();
  const now = ctx.now();
  ctx.db
    .insert(sessions)
    .values({
      userId,
      tokenHash: sha256(token),
      kind: device.kind ?? "client",
      deviceId: device.id,
      deviceUuid: device.uuid,
      deviceInfo: device.info,
      ip: ctx.ip ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: now + lifetime(ctx, device.kind ?? "client"),
    })
    .run();
  // Bounded live sessions per user: expired ones go first, then the oldest past the cap.
  ctx.db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now))).run();
  const live = ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.lastUsedAt), asc(sessions.id)).all();
  const excess = live.length - ctx.config.auth.max_sessions_per_user;
  if (excess > 0) ctx.db.delete(sessions).where(inArray(sessions.id, live.slice(0, excess).map((s) => s.id))).run();
  return token;
}

/** The live session and user for a bearer token (or a console cookie: kind "console"), or null. Disabled users have no valid session. */
export function resolveSession(ctx: ServiceContext, token: string, kind: SessionKind = "client"): { session: SessionRow; user: User; userId: number } | null {
  if (!token || token.length > 200) return null;
  const hash = sha256(token);
  const row = ctx.db.select().from(sessions).innerJoin(users, eq(sessions.userId, users.id)).where(eq(sessions.tokenHash, hash)).get();
  if (!row || !sameHash(row.sessions.tokenHash, hash) || row.sessions.kind !== kind) return null;
  const now = ctx.now();
  if (row.sessions.expiresAt <= now || row.users.status !== 1) return null;
  if (now - row.sessions.lastUsedAt >= TOUCH_EVERY) {
    ctx.db
      .update(sessions)
      .set({ lastUsedAt: now, expiresAt: now + lifetime(ctx, kind) })
      .where(eq(sessions.id, row.sessions.id))
      .run();
  }
  return { session: row.sessions, user: toUser(row.users), userId: row.users.id };
}

/** Logout: forgets the token's session. Unknown tokens are fine: client: flutter/lib/models/user_model.dart:176-189 (rustdesk@7423dced) ignores the reply. */
export function revokeToken(ctx: ServiceContext, token: string): void {
  withTransaction(ctx, (tx) => {
    const row = tx.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token))).returning().get();
    if (!row) return;
    const user = tx.db.select().from(users).where(eq(users.id, row.userId)).get();
    emitAudit({ ...tx, actor: { type: "user", name: user?.name ?? "?", guid: user?.guid } }, "session.logout", { type: "session", guid: row.guid, name: user?.name });
  });
}

/**
 * Revokes every session of a user, and any half-done login (a pending TOTP or e-mail step);
 * returns how many sessions. Call inside the transaction of the change that causes it.
 */
export interface SessionView {
  id: number;
  guid: string;
  user: string;
  kind: SessionKind;
  deviceId: string;
  deviceUuid: string;
  deviceInfo: DeviceInfo;
  ip: string | null;
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
}

export function listSessions(ctx: ServiceContext, filter: { user?: string; userId?: number } = {}): SessionView[] {
  const now = ctx.now();
  const live = sql`${sessions.expiresAt} > ${now}`;
  const where = filter.userId !== undefined ? and(eq(sessions.userId, filter.userId), live) : filter.user ? and(sql`${users.name} = ${filter.user} collate nocase`, live) : live;
  return ctx.db
    .select()
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(where)
    .orderBy(asc(sessions.id))
    .all()
    .map(({ sessions: s, users: u }) => ({
      id: s.id,
      guid: s.guid,
      user: u.name,
      kind: s.kind,
      deviceId: s.deviceId,
      deviceUuid: s.deviceUuid,
      deviceInfo: s.deviceInfo,
      ip: s.ip,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      expiresAt: s.expiresAt,
    }));
}

/** Revokes one session by its number or guid; `ofUserId`: only if it is that user's (a user revoking their own). */
export function revokeSession(ctx: ServiceContext, idOrGuid: string, ofUserId?: number): SessionView {
  return withTransaction(ctx, (tx) => {
    const byId = /^\d+$/.test(idOrGuid) ? eq(sessions.id, Number(idOrGuid)) : eq(sessions.guid, idOrGuid);
    const row = tx.db.select().from(sessions).innerJoin(users, eq(sessions.userId, users.id)).where(byId).get();
    if (!row || (ofUserId !== undefined && row.sessions.userId !== ofUserId)) throw notFound(`session ${idOrGuid} not found`);
    tx.db.delete(sessions).where(eq(sessions.id, row.sessions.id)).run();
    emitAudit(tx, "session.revoke", { type: "session", guid: row.sessions.guid, name: row.users.name }, { device_id: row.sessions.deviceId });
    return { ...listViewOf(row.sessions), user: row.users.name };
  });
}

function listViewOf(s: SessionRow): Omit<SessionView, "user"> {
  const { userId: _u, tokenHash: _t, ...rest } = s;
  return rest;
}
