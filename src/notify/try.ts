// `notify test`, for the CLI and the admin API: a sample event of each kind to every configured target, once
// (no retries), and how each delivery went.
import type { Config } from "../config/schema.ts";
import { conflict, invalid } from "../core/errors.ts";
import { createMailer } from "../mail/mailer.ts";
import { createDeliverer, targetsFor, type Target } from "./deliver.ts";
import { NOTIFY_KINDS, type NotifyKind } from "./events.ts";
import { SAMPLES } from "./samples.ts";

export interface NotifyTry {
  kind: NotifyKind;
  target: Target;
  /** null: delivered. */
  error: string | null;
  ms: number;
}

/** Every target of `kind` (default: every kind), one after the other; `saved`: the targets stored at runtime. */
export async function testNotifications(config: Config, kind?: string, saved: (kind: NotifyKind) => Target[] = () => []): Promise<NotifyTry[]> {
  if (kind !== undefined && !NOTIFY_KINDS.includes(kind as NotifyKind)) throw invalid(`kind is one of ${NOTIFY_KINDS.join(", ")}, not "${kind.slice(0, 40)}"`);
  const kinds = kind ? [kind as NotifyKind] : [...NOTIFY_KINDS];
  const jobs = kinds.flatMap((k) => [...targetsFor(config, k), ...saved(k)].map((target) => ({ kind: k, target })));
  if (jobs.length === 0) throw conflict("no notification targets are configured (notify.*_webhooks, notify.*_emails, or saved with /api/admin/notifications)");
  const deliver = createDeliverer(config, createMailer(config.smtp));
  const out: NotifyTry[] = [];
  for (const { kind, target } of jobs) {
    const started = performance.now();
    let error: string | null = null;
    try {
      await deliver({ ...SAMPLES[kind], at: Date.now() }, target);
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      error = `${(e as Error).message}${cause instanceof Error ? ` (${cause.message})` : ""}`;
    }
    out.push({ kind, target, error, ms: Math.round(performance.now() - started) });
  }
  return out;
}
