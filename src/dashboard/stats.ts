// GET /api/admin/dashboard/stats: the console's overview (../shared/spec/seeds/003's /api/dashboard/stats),
// every number an indexed count or one narrow scan, so it stays fast at 100,000 devices.
import { and, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { alarmAudit, consoleAudit, devices, sessions, users, userTotp } from "../db/schema.ts";
import { databaseFiles, diskFree } from "../db/storage.ts";
import { presenceCounts } from "./presence.ts";
import { rolloutCounts, type RolloutCounts } from "./rollout.ts";

const DAY = 86_400_000;
/** Failed sign-ins: rows aggregated per source and window (src/auth/failure-audit.ts), each with details.count. */
const FAILED = ["auth.login_failed", "auth.code_failed", "auth.sso_failed"];

export interface DashboardStats {
  users: { total: number; admins: number; with_2fa: number };
  devices: { total: number; online: number; offline_30d: number; pending_approval: number };
  sessions: { live: number; signed_in_clients: number };
  last_24h: { logins: number; failed_logins: number; alarms: number };
  heartbeats_per_second: number;
  strategy_rollout: RolloutCounts;
  storage: { database_bytes: number; wal_bytes: number; disk_free_bytes: number | null };
}

const count = () => ({ n: sql<number>`count(*)` });

/** `heartbeatsPerSecond`: from the process's counters (the app's RateMeter). */
export function dashboardStats(ctx: ServiceContext, input: { heartbeatsPerSecond: number }): DashboardStats {
  const now = ctx.now();
  const since = now - DAY;
  const u = ctx.db.select({ total: sql<number>`count(*)`, admins: sql<number | null>`sum(${users.isAdmin})` }).from(users).get()!;
  const with2fa = ctx.db.select(count()).from(userTotp).where(isNotNull(userTotp.confirmedAt)).get()!.n;
  const deviceTotal = ctx.db.select(count()).from(devices).get()!.n;
  const pending = ctx.db.select(count()).from(devices).where(sql`${devices.pending} = 1`).get()!.n;
  const presence = presenceCounts(ctx);
  const clients = ctx.db.select(count()).from(sessions).where(and(gte(sessions.expiresAt, now), eq(sessions.kind, "client"))).get()!.n;
  const logins = ctx.db.select(count()).from(consoleAudit).where(and(eq(consoleAudit.action, "auth.login"), gte(consoleAudit.createdAt, since))).get()!.n;
  const failed = ctx.db
    .select({ n: sql<number | null>`sum(coalesce(json_extract(${consoleAudit.details}, '$.count'), 1))` })
    .from(consoleAudit)
    .where(and(inArray(consoleAudit.action, FAILED), gte(consoleAudit.createdAt, since)))
    .get()!.n;
  const alarms = ctx.db.select(count()).from(alarmAudit).where(gte(alarmAudit.createdAt, since)).get()!.n;
  const db = databaseFiles(ctx.config.data.dir);
  return {
    users: { total: u.total, admins: u.admins ?? 0, with_2fa: with2fa },
    devices: { total: deviceTotal, online: presence.online, offline_30d: presence.offline30d, pending_approval: pending },
    sessions: { live: presence.liveSessions, signed_in_clients: clients },
    last_24h: { logins, failed_logins: failed ?? 0, alarms },
    heartbeats_per_second: Math.round(input.heartbeatsPerSecond * 10) / 10,
    strategy_rollout: rolloutCounts(ctx),
    storage: { database_bytes: db.size, wal_bytes: db.wal, disk_free_bytes: diskFree(ctx.config.data.dir) },
  };
}
