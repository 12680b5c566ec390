// Events worth telling an admin about as they happen (alarm, lockout, new device, a failed scheduled backup). Services publish
// them; the running server's notifier (notifier.ts) delivers them. A process without one (the CLI,
// most tests) publishes to nobody. Published after the transaction that records them has committed.
import { afterCommit, type ServiceContext } from "../core/context.ts";

export const NOTIFY_KINDS = ["alarm", "lockout", "device", "backup.failed"] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];
/** The notify.<prefix>_webhooks / _emails settings of each kind. */
export const KIND_SETTING = { alarm: "alarm", lockout: "lockout", device: "device", "backup.failed": "backup" } as const satisfies Record<NotifyKind, string>;

export interface NotifyEvent {
  kind: NotifyKind;
  /** A one-line summary, e.g. the e-mail's subject. */
  title: string;
  /** When it happened (ms since the epoch). */
  at: number;
  /** The facts, as sent in a webhook's JSON. */
  data: Record<string, unknown>;
}

type Listener = (event: NotifyEvent) => void;
const listeners = new Set<Listener>();

/** Returns the function that unsubscribes. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publish(ctx: ServiceContext, event: Omit<NotifyEvent, "at">): void {
  if (listeners.size === 0) return;
  const full = { ...event, at: ctx.now() };
  afterCommit(ctx, () => {
    for (const listener of listeners) {
      try {
        listener(full);
      } catch (e) {
        ctx.log.error("notification listener failed", e);
      }
    }
  });
}
