// Failed logins in the console audit, aggregated: one row per (source IP, account, reason kind)
// per window, whose details.count grows, instead of a row per attempt. At most MAX_ROWS rows per
// window and action; past that, every further source shares one "(many addresses)" row. So a flood
// of failures (random names, or a forged X-Forwarded-For per request behind a trusted proxy) adds
// a bounded number of rows per window, however many requests it makes. The windows are soft state:
// after a restart the next failure starts a new row.
import { desc, eq } from "drizzle-orm";
import { emitAudit, type AuditAction } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { consoleAudit } from "../db/schema.ts";
import { BoundedMap } from "../net/bounded-map.ts";

export const FAILURE_WINDOW_MS = 10 * 60_000;
export const MAX_ROWS_PER_WINDOW = 100;
export const MANY_ADDRESSES = "(many addresses)";

interface Open {
  id: number;
  start: number;
  count: number;
  details: Record<string, unknown>;
}

export class FailureAudit {
  private readonly open = new BoundedMap<Open>(10_000, (o) => o.start + FAILURE_WINDOW_MS < Date.now());
  private readonly windows = new Map<string, { start: number; rows: number }>();

  /** Records one failure with `ctx.actor` (anonymous, its IP) against the account `name`. */
  record(ctx: ServiceContext, action: AuditAction, name: string, reason: string): void {
    const now = ctx.now();
    const key = `${action}\n${ctx.ip ?? ""}\n${name}\n${reason}`;
    const own = this.current(key, now);
    if (own) return this.bump(ctx, own, now);
    if (this.newRowAllowed(action, now)) return this.insert(key, ctx, action, name, reason, now);
    const sharedKey = `${action}\n*`;
    const shared = this.current(sharedKey, now);
    if (shared) return this.bump(ctx, shared, now);
    this.insert(sharedKey, { ...ctx, ip: undefined, actor: { type: "anonymous", name: MANY_ADDRESSES } }, action, "(many users)", reason, now);
  }

  private current(key: string, now: number): Open | undefined {
    const o = this.open.get(key);
    return o && now - o.start < FAILURE_WINDOW_MS ? o : undefined;
  }

  private newRowAllowed(action: string, now: number): boolean {
    let w = this.windows.get(action);
    if (!w || now - w.start >= FAILURE_WINDOW_MS) this.windows.set(action, (w = { start: now, rows: 0 }));
    return w.rows++ < MAX_ROWS_PER_WINDOW;
  }

  private bump(ctx: ServiceContext, o: Open, now: number): void {
    o.count++;
    o.details = { ...o.details, count: o.count, last_at: new Date(now).toISOString() };
    ctx.db.update(consoleAudit).set({ details: o.details }).where(eq(consoleAudit.id, o.id)).run();
  }

  private insert(key: string, ctx: ServiceContext, action: AuditAction, name: string, reason: string, now: number): void {
    const details = { reason, count: 1 };
    emitAudit(ctx, action, { type: "user", name }, details);
    const id = ctx.db.select({ id: consoleAudit.id }).from(consoleAudit).orderBy(desc(consoleAudit.id)).limit(1).get()!.id;
    this.open.set(key, { id, start: now, count: 1, details });
  }
}
