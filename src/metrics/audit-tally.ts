// Counts from the console audit since the server started: logins by method and result, lockouts, registrations,
// enrolments, bans. Read at scrape time, past the last row already counted, so no service pays for metrics.
// Failed logins are aggregated rows whose details.count grows for FAILURE_WINDOW_MS (src/auth/failure-audit.ts):
// a row is counted for good once it is older than that, and re-read until then.
import type { Database } from "bun:sqlite";
import { FAILURE_WINDOW_MS } from "../auth/failure-audit.ts";

const ACTIONS = ["auth.login", "auth.login_failed", "auth.code_failed", "auth.sso_failed", "auth.lockout", "device.register", "device.enrol", "ban.add"] as const;
type Action = (typeof ACTIONS)[number];
const SETTLED_MS = FAILURE_WINDOW_MS + 60_000;
/** What `auth.login`'s details.via says, bounded: an SSO provider's name is folded into "sso". */
const METHODS = new Set(["password", "totp", "email", "recovery", "setup", "sso"]);

interface Row {
  id: number;
  created_at: number;
  action: Action;
  via: string | null;
  n: number;
}

export type Tally = Map<string, number>; // `${action}\t${method}` → count

export const tallyKey = (action: Action, method = "") => `${action}\t${method}`;

const methodOf = (r: Row) => {
  if (r.action === "auth.login_failed") return "password";
  if (r.action === "auth.code_failed") return "code";
  if (r.action === "auth.sso_failed") return "sso";
  if (r.action !== "auth.login") return "";
  const via = (r.via ?? "").startsWith("sso") ? "sso" : (r.via ?? "");
  return METHODS.has(via) ? via : "other";
};

export function auditTally(sqlite: Database) {
  const settled: Tally = new Map();
  const last = sqlite.query<{ id: number | null }, []>("SELECT max(id) AS id FROM console_audit").get();
  let settledId = last?.id ?? 0;
  const rows = sqlite.query<Row, [number]>(
    `SELECT id, created_at, action, json_extract(details, '$.via') AS via, coalesce(json_extract(details, '$.count'), 1) AS n
     FROM console_audit WHERE id > ? AND action IN (${ACTIONS.map((a) => `'${a}'`).join(", ")}) ORDER BY id`,
  );
  const add = (t: Tally, r: Row) => t.set(tallyKey(r.action, methodOf(r)), (t.get(tallyKey(r.action, methodOf(r))) ?? 0) + r.n);
  /** The counts now: settled rows plus the ones that may still grow. */
  return (now: number): Tally => {
    const fresh: Tally = new Map(settled);
    let open = false;
    for (const r of rows.all(settledId)) {
      if (!open && r.created_at < now - SETTLED_MS) {
        add(settled, r);
        settledId = r.id;
      } else open = true;
      add(fresh, r);
    }
    return fresh;
  };
}
