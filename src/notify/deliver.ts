// One delivery of one event to one target: a signed webhook POST or an e-mail. Throws when it
// did not go through; the notifier retries, `rdconsole notify test` reports.
import { createHmac, randomUUID } from "node:crypto";
import type { Config } from "../config/schema.ts";
import type { Mailer } from "../mail/mailer.ts";
import { VERSION } from "../version.ts";
import type { NotifyEvent, NotifyKind } from "./events.ts";

export interface Target {
  type: "webhook" | "email";
  to: string;
}

export function targetsFor(config: Config, kind: NotifyKind): Target[] {
  const n = config.notify;
  const [hooks, mails] = kind === "alarm" ? [n.alarm_webhooks, n.alarm_emails] : kind === "lockout" ? [n.lockout_webhooks, n.lockout_emails] : [n.device_webhooks, n.device_emails];
  return [...hooks.map((to) => ({ type: "webhook" as const, to })), ...mails.map((to) => ({ type: "email" as const, to }))];
}

export const SIGNATURE_HEADER = "x-rdconsole-signature-256";

export const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** The webhook's JSON: the same for every target, so a receiver can de-duplicate retries by `id`. */
export function webhookBody(event: NotifyEvent, id: string): string {
  return JSON.stringify({ id, event: event.kind, title: event.title, time: new Date(event.at).toISOString(), data: event.data });
}

function mailText(event: NotifyEvent): string {
  const lines = Object.entries(event.data).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  return `${event.title}\n\n${lines.join("\n")}\ntime: ${new Date(event.at).toISOString()}\n\n-- rdconsole\n`;
}

export interface Deliverer {
  (event: NotifyEvent, target: Target, id?: string): Promise<void>;
}

export function createDeliverer(config: Config, mailer: Mailer): Deliverer {
  return async (event, target, id = randomUUID()) => {
    if (target.type === "email") {
      await mailer.send({ to: target.to, subject: `[rdconsole] ${event.title}`, text: mailText(event) });
      return;
    }
    const body = webhookBody(event, id);
    const response = await fetch(target.to, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(config.notify.timeout_seconds * 1000),
      headers: {
        "content-type": "application/json",
        "user-agent": `rdconsole/${VERSION}`,
        "x-rdconsole-event": event.kind,
        "x-rdconsole-delivery": id,
        [SIGNATURE_HEADER]: sign(config.notify.webhook_secret, body),
      },
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`${target.to} answered ${response.status}`);
  };
}
