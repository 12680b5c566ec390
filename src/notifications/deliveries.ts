// Where the running notifier sends an event now: the notify.* settings' targets and the enabled targets
// saved at runtime (read per event: events are few and rate-limited, and a change counts at once);
// and the admin API's test deliveries (no retries, each target's outcome).
import type { Database } from "bun:sqlite";
import type { Config } from "../config/schema.ts";
import { targetsFor, shown, type Deliverer, type Target } from "../notify/deliver.ts";
import type { NotifyKind } from "../notify/events.ts";
import { SAMPLES } from "../notify/samples.ts";
import type { StoredTarget } from "./targets.ts";

interface Row {
  type: "webhook" | "email";
  url: string;
  emails: string;
  secret: string;
  kinds: string;
}

const toTargets = (t: { type: "webhook" | "email"; url: string; emails: readonly string[]; secret: string }): Target[] =>
  t.type === "webhook" ? [{ type: "webhook", to: t.url, secret: t.secret }] : t.emails.map((to) => ({ type: "email" as const, to }));

export function currentTargets(config: Config, sqlite: Database): (kind: NotifyKind) => Target[] {
  const rows = sqlite.prepare<Row, []>("SELECT type, url, emails, secret, kinds FROM notification_targets WHERE enabled = 1 ORDER BY id");
  return (kind) => [
    ...targetsFor(config, kind),
    ...rows
      .all()
      .filter((r) => (JSON.parse(r.kinds) as string[]).includes(kind))
      .flatMap((r) => toTargets({ ...r, emails: JSON.parse(r.emails) as string[] })),
  ];
}

/** The enabled saved targets of a kind (rows as read by readStoredTargets): for `rdconsole notify test`. */
export const savedTargets = (rows: readonly StoredTarget[], kind: NotifyKind): Target[] =>
  rows.filter((r) => r.enabled && r.kinds.includes(kind)).flatMap((r) => toTargets(r));

export interface TestResult {
  to: string;
  ok: boolean;
  error?: string;
}

/** One test event (of `kind`, else the target's first) to each address of a target. */
export async function testDelivery(deliver: Deliverer, t: { type: "webhook" | "email"; url: string; emails: readonly string[]; secret: string; kinds: readonly NotifyKind[] }, kind?: NotifyKind) {
  const k = kind ?? t.kinds[0] ?? "alarm";
  const results: TestResult[] = [];
  for (const target of toTargets(t)) {
    try {
      await deliver({ ...SAMPLES[k], at: Date.now() }, target);
      results.push({ to: shown(target), ok: true });
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      results.push({ to: shown(target), ok: false, error: `${(e as Error).message}${cause instanceof Error ? ` (${cause.message})` : ""}` });
    }
  }
  return { kind: k, ok: results.every((r) => r.ok), results };
}
