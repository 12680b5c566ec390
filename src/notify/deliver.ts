// One delivery of one event to one target: a signed webhook POST or an e-mail. Throws when it
// did not go through; the notifier retries, `rdconsole notify test` reports.
import { createHmac, randomUUID } from "node:crypto";
import type { Config } from "../config/schema.ts";
import type { Mailer } from "../mail/mailer.ts";
import { VERSION } from "../core/version.ts";
import type { NotifyEvent, NotifyKind } from "./events.ts";

export interface Target {
  type: "webhook" | "email";
  to: string;
  /** A webhook's own HMAC key (targets managed at runtime); else notify.webhook_secret. */
  secret?: string;
}

export function targetsFor(config: Config, kind: NotifyKind): Target[] {
  const n = config.notify;
  const byKind = {
    alarm: [n.alarm_webhooks, n.alarm_emails],
    lockout: [n.lockout_webhooks, n.lockout_emails],
    device: [n.device_webhooks, n.device_emails],
    "backup.failed": [n.backup_webhooks, n.backup_emails],
  } as const;
  const [hooks, mails] = byKind[kind];
  return [...hooks.map((to) => ({ type: "webhook" as const, to })), ...mails.map((to) => ({ type: "email" as const, to }))];
}

export const SIGNATURE_HEADER = "x-rdconsole-signature-256";

export const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** The webhook's JSON: the same for every target, so a receiver can de-duplicate retries by `id`. */
export function webhookBody(event: NotifyEvent, id: string): string {
  return JSON.stringify({ id, event: event.kind, title: event.title, time: new Date(event.at).toISOString(), data: event.data });
}

// Device-reported text (host names, IPs) may carry line breaks meant to fake lines of the message.
const oneLine = (v: unknown) => (typeof v === "string" ? v.replace(/[\u0000-\u001f\u007f]+/g, " ") : JSON.stringify(v));

function mailText(event: NotifyEvent): string {
  const lines = Object.entries(event.data).map(([k, v]) => `${k}: ${oneLine(v)}`);
  return `${oneLine(event.title)}\n\n${lines.join("\n")}\ntime: ${new Date(event.at).toISOString()}\n\n-- rdconsole\n`;
}

export interface Deliverer {
  /** `signal` aborts a webhook call under way (shutdown). */
  (event: NotifyEvent, target: Target, id?: string, signal?: AbortSignal): Promise<void>;
}

/** A target as logs show it: a webhook by its origin only (its path or user part may hold a token). */
export const shown = (t: Target) => (t.type === "webhook" && URL.canParse(t.to) ? `${new URL(t.to).origin}/…` : t.to);

export function createDeliverer(config: Config, mailer: Mailer): Deliverer {
  return async (event, target, id = randomUUID(), signal) => {
    if (target.type === "email") {
      await mailer.send({ to: target.to, subject: `[rdconsole] ${event.title}`, text: mailText(event) });
      return;
    }
    const body = webhookBody(event, id);
    const response = await fetch(target.to, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.any([AbortSignal.timeout(config.notify.timeout_seconds * 1000), ...(signal ? [signal] : [])]),
      headers: {
        "content-type": "application/json",
        "user-agent": `rdconsole/${VERSION}`,
        "x-rdconsole-event": event.kind,
        "x-rdconsole-delivery": id,
        [SIGNATURE_HEADER]: sign(target.secret || config.notify.webhook_secret, body),
      },
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`${target.to} answered ${response.status}`);
  };
}
