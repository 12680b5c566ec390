// The audit logs as RustDesk Server Pro's admin API pages them (pro-admin-api §9): one log, filtered
// (LIKE semantics, a lower time bound), counted, one page newest first.
import { and, desc, eq, gte, or, sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { likeFilter } from "../core/like.ts";
import { offsetOf, type Page } from "../core/page.ts";
import { alarmAudit, connAudit, consoleAudit, fileAudit } from "../db/schema.ts";

export interface ProAuditFilter {
  /** conn, file: the device or the peer on the other side. */
  remote?: string;
  /** conn: the connection type. */
  connType?: number;
  /** alarm: the device. */
  device?: string;
  /** console: who did it. */
  operator?: string;
  /** Created at or after (ms). */
  since?: number;
}

type Rows = {
  conn: (typeof connAudit.$inferSelect)[];
  file: (typeof fileAudit.$inferSelect)[];
  alarm: (typeof alarmAudit.$inferSelect)[];
  console: (typeof consoleAudit.$inferSelect)[];
};

function pageOfTable<T>(ctx: ServiceContext, table: typeof connAudit | typeof fileAudit | typeof alarmAudit | typeof consoleAudit, where: SQL | undefined, page: Page): { total: number; data: T[] } {
  const t = table as typeof consoleAudit;
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(t).where(where).get()!.n;
  const data = ctx.db.select().from(t).where(where).orderBy(desc(t.id)).limit(page.pageSize).offset(offsetOf(page)).all() as T[];
  return { total, data };
}

export function proConnAudit(ctx: ServiceContext, f: ProAuditFilter, page: Page) {
  const t = connAudit;
  const where = and(
    f.remote ? or(likeFilter(t.rdId, f.remote), likeFilter(t.peerId, f.remote)) : undefined,
    f.connType === undefined ? undefined : eq(t.connType, f.connType),
    f.since === undefined ? undefined : gte(t.openedAt, f.since),
  );
  return pageOfTable<Rows["conn"][number]>(ctx, t, where, page);
}

export function proFileAudit(ctx: ServiceContext, f: ProAuditFilter, page: Page) {
  const t = fileAudit;
  const where = and(f.remote ? or(likeFilter(t.rdId, f.remote), likeFilter(t.peerId, f.remote)) : undefined, f.since === undefined ? undefined : gte(t.createdAt, f.since));
  return pageOfTable<Rows["file"][number]>(ctx, t, where, page);
}

export function proAlarmAudit(ctx: ServiceContext, f: ProAuditFilter, page: Page) {
  const t = alarmAudit;
  const where = and(likeFilter(t.rdId, f.device), f.since === undefined ? undefined : gte(t.createdAt, f.since));
  return pageOfTable<Rows["alarm"][number]>(ctx, t, where, page);
}

export function proConsoleAudit(ctx: ServiceContext, f: ProAuditFilter, page: Page) {
  const t = consoleAudit;
  const where = and(likeFilter(t.actorName, f.operator), f.since === undefined ? undefined : gte(t.createdAt, f.since));
  return pageOfTable<Rows["console"][number]>(ctx, t, where, page);
}
