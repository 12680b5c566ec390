// Notification targets managed at runtime (what the admin API's /api/admin/notifications does): checked,
// stored, audited (a webhook's key never in the audit). Targets of the config are read-only here.
import { eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { notificationTargets } from "../db/schema.ts";
import { NOTIFY_KINDS } from "../notify/events.ts";
import { storedJson, type NotificationTarget, type StoredTarget } from "./targets.ts";

export interface TargetInput {
  name?: string;
  type?: "webhook" | "email";
  url?: string;
  emails?: string[];
  secret?: string;
  kinds?: string[];
  enabled?: boolean;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+$/;
const isHttp = (u: string) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol);

/** Every problem of a target at once; the checked row. */
export function checkTarget(ctx: ServiceContext, t: Required<Omit<TargetInput, "enabled">> & { enabled: boolean }) {
  const problems: string[] = [];
  const name = t.name.trim();
  if (!name || name.length > 100) problems.push("name: 1 to 100 characters");
  if (t.type !== "webhook" && t.type !== "email") problems.push('type: "webhook" or "email"');
  const kinds = [...new Set(t.kinds)];
  if (!kinds.length || kinds.some((k) => !(NOTIFY_KINDS as readonly string[]).includes(k))) problems.push(`kinds: one or more of ${NOTIFY_KINDS.join(", ")}`);
  if (t.type === "webhook") {
    if (!isHttp(t.url)) problems.push("url: an http:// or https:// URL");
    if (t.emails.length) problems.push("emails: only for an e-mail target");
    if (!t.secret && !ctx.config.notify.webhook_secret) problems.push("secret: a webhook needs a key to sign with (or set notify.webhook_secret)");
  } else if (t.type === "email") {
    if (t.url) problems.push("url: only for a webhook");
    if (t.secret) problems.push("secret: only for a webhook");
    if (!t.emails.length || t.emails.length > 100) problems.push("emails: 1 to 100 addresses");
    for (const e of t.emails) if (!EMAIL.test(e)) problems.push(`emails: not an e-mail address: ${JSON.stringify(e.slice(0, 100))}`);
    if (!ctx.config.smtp.host) problems.push("emails: e-mail targets need smtp.host");
  }
  if (problems.length) throw invalid(problems.join("; "));
  return { name, type: t.type, url: t.type === "webhook" ? t.url : "", emails: t.type === "email" ? t.emails : [], secret: t.type === "webhook" ? t.secret : "", kinds, enabled: t.enabled };
}

export const auditDetails = (t: ReturnType<typeof checkTarget>) => ({ type: t.type, url: t.url || undefined, emails: t.emails.length ? t.emails : undefined, kinds: t.kinds, enabled: t.enabled, secret: t.secret ? "***" : "" });

function sameName(ctx: ServiceContext, name: string, except?: number) {
  const row = ctx.db.select({ id: notificationTargets.id }).from(notificationTargets).where(sql`${notificationTargets.name} = ${name} collate nocase`).get();
  if (row && row.id !== except) throw conflict(`a notification target named "${name}" already exists`);
}

/** A stored target by its id; config targets are read-only (409), anything else 404. */
export function requireStored(ctx: ServiceContext, id: string, verb = "changed"): StoredTarget {
  if (id.startsWith("config.")) throw conflict(`target ${id} comes from the notify settings (config file, environment or flags) and cannot be ${verb} here; change the setting instead`);
  const row = /^\d{1,15}$/.test(id) ? ctx.db.select().from(notificationTargets).where(eq(notificationTargets.id, Number(id))).get() : undefined;
  if (!row) throw notFound(`notification target ${id.slice(0, 40)} not found`);
  return row;
}

export function createTarget(ctx: ServiceContext, input: TargetInput): NotificationTarget {
  const t = checkTarget(ctx, { name: input.name ?? "", type: input.type ?? ("" as "email"), url: input.url ?? "", emails: input.emails ?? [], secret: input.secret ?? "", kinds: input.kinds ?? [], enabled: input.enabled ?? true });
  return withTransaction(ctx, (tx) => {
    sameName(tx, t.name);
    const now = tx.now();
    const row = tx.db.insert(notificationTargets).values({ ...t, createdAt: now, updatedAt: now }).returning().get();
    emitAudit(tx, "notification.create", { type: "notification", name: t.name }, auditDetails(t));
    return storedJson(row);
  });
}

/** Changes only the fields given; the type stays. */
export function updateTarget(ctx: ServiceContext, id: string, input: TargetInput): NotificationTarget {
  return withTransaction(ctx, (tx) => {
    const old = requireStored(tx, id);
    if (input.type !== undefined && input.type !== old.type) throw invalid(`type: a target stays a ${old.type}; delete it and create a new one`);
    const t = checkTarget(tx, { name: input.name ?? old.name, type: old.type, url: input.url ?? old.url, emails: input.emails ?? old.emails, secret: input.secret ?? old.secret, kinds: input.kinds ?? old.kinds, enabled: input.enabled ?? old.enabled });
    sameName(tx, t.name, old.id);
    const row = tx.db.update(notificationTargets).set({ ...t, updatedAt: tx.now() }).where(eq(notificationTargets.id, old.id)).returning().get()!;
    emitAudit(tx, "notification.update", { type: "notification", name: t.name }, { ...auditDetails(t), ...(t.name !== old.name ? { old_name: old.name } : {}), ...(t.secret !== old.secret ? { secret_changed: true } : {}) });
    return storedJson(row);
  });
}

export function deleteTarget(ctx: ServiceContext, id: string): NotificationTarget {
  return withTransaction(ctx, (tx) => {
    const old = requireStored(tx, id, "deleted");
    tx.db.delete(notificationTargets).where(eq(notificationTargets.id, old.id)).run();
    emitAudit(tx, "notification.delete", { type: "notification", name: old.name }, { type: old.type });
    return storedJson(old);
  });
}
