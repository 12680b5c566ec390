// Text filters in SQL: Pro's script filters (pro-admin-api §1.6), and the plain "contains" search of rdconsole's own
// lists (admin API and console).
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

/** The search text as a LIKE pattern matching it anywhere, its own %, _ and \\ taken literally (with ESCAPE '\\'). */
export const containsPattern = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Any of `columns` contains `text`, in any case (SQLite's LIKE folds ASCII case). */
export function containsAny(columns: (SQLiteColumn | SQL)[], text: string): SQL {
  const p = containsPattern(text);
  return sql`(${sql.join(columns.map((c) => sql`${c} like ${p} escape '\\'`), sql` or `)})`;
}
