// Notification targets as the admin API shows them: those saved at runtime (table notification_targets,
// id = their number) and, read-only, those of the notify.*_webhooks / notify.*_emails settings
// (id "config.<key>" or "config.<key>.<n>", source where that setting comes from).
import type { SettingSource } from "../config/layers.ts";
import type { Config } from "../config/schema.ts";
import type { ServiceContext } from "../core/context.ts";
import { notificationTargets } from "../db/schema.ts";
import { KIND_SETTING, NOTIFY_KINDS, type NotifyKind } from "../notify/events.ts";

export interface NotificationTarget {
  id: string;
  name: string;
  type: "webhook" | "email";
  url: string | null;
  emails: string[];
  kinds: NotifyKind[];
  /** "***" when the webhook has its own key, "" when it signs with notify.webhook_secret. */
  secret: string;
  enabled: boolean;
  source: SettingSource;
  created_at: string | null;
  updated_at: string | null;
}

export type StoredTarget = typeof notificationTargets.$inferSelect;

const iso = (ms: number) => new Date(ms).toISOString();

export function storedJson(t: StoredTarget): NotificationTarget {
  return {
    id: String(t.id),
    name: t.name,
    type: t.type,
    url: t.type === "webhook" ? t.url : null,
    emails: t.type === "email" ? t.emails : [],
    kinds: t.kinds.filter((k): k is NotifyKind => (NOTIFY_KINDS as readonly string[]).includes(k)),
    secret: t.secret ? "***" : "",
    enabled: t.enabled,
    source: "console",
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
  };
}

/** The targets of the notify.* settings, one per webhook URL and one per kind's e-mail list. */
export function configTargets(config: Config, sources: Readonly<Record<string, SettingSource>>): NotificationTarget[] {
  const n = config.notify;
  const out: NotificationTarget[] = [];
  for (const kind of NOTIFY_KINDS) {
    const key = KIND_SETTING[kind];
    const hooks = n[`${key}_webhooks`];
    const mails = n[`${key}_emails`];
    const common = { kinds: [kind], enabled: true, created_at: null, updated_at: null };
    hooks.forEach((url, i) =>
      out.push({ ...common, id: `config.${key}_webhooks.${i}`, name: `notify.${key}_webhooks[${i}]`, type: "webhook", url, emails: [], secret: "", source: sources[`notify.${key}_webhooks`] ?? "file" }),
    );
    if (mails.length)
      out.push({ ...common, id: `config.${key}_emails`, name: `notify.${key}_emails`, type: "email", url: null, emails: [...mails], secret: "", source: sources[`notify.${key}_emails`] ?? "file" });
  }
  return out;
}

export const readStoredTargets = (ctx: Pick<ServiceContext, "db">): StoredTarget[] => ctx.db.select().from(notificationTargets).orderBy(notificationTargets.id).all();
