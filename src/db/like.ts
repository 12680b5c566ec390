// Filters with SQL LIKE semantics, as RustDesk Server Pro's admin scripts send them (pro-admin-api §1.6):
// in the kernel so that a feature's list query can use it (src/admin/pro/list.ts re-exports it).
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * A filter as the scripts send it: "-" means empty / unassigned; a value with "%" is a LIKE pattern
 * ("%" any run, "_" one character); any other value an exact match. All case-insensitive.
 */
export function likeFilter(column: SQLiteColumn | SQL, value: string | undefined): SQL | undefined {
  if (value === undefined || value === "") return undefined;
  if (value === "-") return sql`(${column} is null or ${column} = '')`;
  if (value.includes("%")) return sql`${column} like ${value}`;
  return sql`${column} = ${value} collate nocase`;
}
