// What the Pro-compatible admin routes share: the empty 200 every mutation answers (pro-admin-api §1.4:
// success is exactly 200; an empty body prints "Success"), and the query values as the scripts send them.
// client: res/devices.py:71-83 (rustdesk@7423dced) treats a body that is not JSON as success, any other status as failure.
import { invalid } from "../../core/errors.ts";

export const ok = () => new Response(null, { status: 200 });

export type Query = Record<string, string | undefined>;

/** A filter value: absent or blank is no filter. */
export const filterOf = (query: Query, key: string): string | undefined => {
  const v = query[key];
  return v === undefined || v === "" ? undefined : v;
};

/** An integer filter ("0" counts: client: res/audits.py:186 (rustdesk@7423dced) sends conn_type=0). */
export function intFilter(query: Query, key: string): number | undefined {
  const v = filterOf(query, key);
  if (v === undefined) return undefined;
  if (!/^-?\d{1,9}$/.test(v.trim())) throw invalid(`${key}: expected a whole number, got "${v.slice(0, 40)}"`);
  return Number(v);
}

/** `created_at` as the audit script sends it: UTC "YYYY-MM-DD HH:MM:SS[.fff]" (a "T" also accepted). */
export function utcTimeFilter(query: Query, key: string): number | undefined {
  const v = filterOf(query, key);
  if (v === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,9})?$/.exec(v.trim());
  const ms = m ? Date.parse(`${m[1]}T${m[2]}${(m[3] ?? "").slice(0, 4)}Z`) : NaN;
  if (Number.isNaN(ms)) throw invalid(`${key}: expected a UTC time as YYYY-MM-DD HH:MM:SS[.fff], got "${v.slice(0, 40)}"`);
  return ms;
}

/** Epoch seconds, as the audit script converts them (client: res/audits.py:9-18 (rustdesk@7423dced)). */
export const epochSeconds = (ms: number) => Math.floor(ms / 1000);
