// What every list of RustDesk Server Pro's admin API shares (pro-admin-api §1.5-§1.6, as res/*.py use it):
// paging with `current` (default 1) and `pageSize` (default 10, never capped below 100: core/page.ts),
// and string filters with SQL LIKE semantics.
// client: res/users.py:52-71 (rustdesk@7423dced) pages until a short page or current × pageSize ≥ total.
export { likeFilter } from "../../db/like.ts";

/** Pro's timestamps: naive UTC with a "T" and milliseconds, no zone (devices.py parses it so; a "Z" crashes it). */
export const naiveUtc = (ms: number) => new Date(ms).toISOString().slice(0, 23);
