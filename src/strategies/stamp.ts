// The `modified_at` a device is sent with its settings. It names their content (a hash of the
// sorted options, plus the re-apply period it was sent in), so a device that echoes it has exactly
// those settings from this server, whatever was assigned and unassigned in between.
// client: src/hbbs_http/sync.rs:242-261 (rustdesk@7423dced) stores modified_at as it comes and echoes it in every heartbeat.
import { createHash } from "node:crypto";

const HOUR = 3_600_000;

/** A positive integer below 2^48 (a JSON-safe i64), never 0 (a device that was never sent anything sends 0). */
export function stampOf(options: Record<string, string>, period = 0): number {
  const sorted = Object.keys(options)
    .sort()
    .map((k) => [k, options[k]]);
  const digest = createHash("sha256").update(JSON.stringify([sorted, period])).digest();
  return digest.readUIntBE(0, 6) || 1;
}

/** The re-apply period `now` falls in, for a strategy re-sent every `hours` (0 when it is not). */
export const periodOf = (hours: number | null, now: number) => (hours ? Math.floor(now / (hours * HOUR)) : 0);
