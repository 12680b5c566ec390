// FastX's list parameters (its session API, /v3/api/session/list), for any list of flat JSON rows:
// `start` (offset), `limit`, `sortBy` (a field), `sortReverse`, and `filter` strings "name==v1,v2" — the
// values of one filter OR-ed, several filters AND-ed. A value matches the field's text exactly (null is "").
// Unlike FastX, an unknown field or a malformed filter is refused rather than matching nothing: a typo in
// a script should not read as "no sessions".
import { invalid } from "./errors.ts";

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell | readonly number[]>>;

export interface ListQuery {
  start?: number;
  limit?: number;
  sortBy?: string;
  sortReverse?: boolean;
  filter?: readonly string[];
}

export interface Filter {
  field: string;
  values: string[];
}

const FILTER = /^([A-Za-z_][A-Za-z0-9_]*)==(.*)$/s;

/** Parses the filter strings; INVALID_INPUT names the first bad one and the fields there are. */
export function parseFilters(filters: readonly string[], fields: readonly string[]): Filter[] {
  return filters.map((f) => {
    const m = FILTER.exec(f);
    if (!m) throw invalid(`filter "${f.slice(0, 80)}": write name==value (several values: name==v1,v2)`);
    if (!fields.includes(m[1]!)) throw invalid(`filter "${f.slice(0, 80)}": no field "${m[1]}" (fields: ${fields.join(", ")})`);
    return { field: m[1]!, values: m[2]!.split(",") };
  });
}

const text = (v: Row[string] | undefined) => (v === null || v === undefined ? "" : String(v));

export function matches(row: Row, filters: readonly Filter[]): boolean {
  return filters.every((f) => f.values.includes(text(row[f.field])));
}

/** Nulls last in either direction; numbers by value, the rest as text. */
function compare(a: Row[string] | undefined, b: Row[string] | undefined, reverse: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  const c = typeof a === "number" && typeof b === "number" ? a - b : text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0;
  return reverse ? -c : c;
}

/** Checks the whole query before any row is read, so a bad one fails the same on an empty list. */
export function checkListQuery(q: ListQuery, fields: readonly string[]): Filter[] {
  if (q.sortBy !== undefined && !fields.includes(q.sortBy)) throw invalid(`sortBy: no field "${q.sortBy.slice(0, 80)}" (fields: ${fields.join(", ")})`);
  if (q.start !== undefined && (!Number.isSafeInteger(q.start) || q.start < 0)) throw invalid("start: a whole number, 0 or more");
  if (q.limit !== undefined && (!Number.isSafeInteger(q.limit) || q.limit < 1)) throw invalid("limit: a whole number, 1 or more");
  return parseFilters(q.filter ?? [], fields);
}

/** Filters, sorts (stable: equal rows keep their order) and pages; `total` counts the rows that matched. */
export function applyListQuery<T extends Row>(rows: readonly T[], q: ListQuery, fields: readonly string[]): { total: number; data: T[] } {
  const filters = checkListQuery(q, fields);
  const kept = rows.filter((r) => matches(r, filters));
  if (q.sortBy !== undefined) {
    const by = q.sortBy;
    kept.sort((a, b) => compare(a[by], b[by], q.sortReverse === true));
  } else if (q.sortReverse) kept.reverse();
  const start = q.start ?? 0;
  return { total: kept.length, data: kept.slice(start, q.limit === undefined ? undefined : start + q.limit) };
}
