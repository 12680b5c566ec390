// Paging as the client and Pro's scripts (client: res/users.py:48-71 (rustdesk@7423dced)) do it: 1-based `current`, `pageSize`,
// and an integer `total` (client: flutter/lib/models/ab_model.dart:1465-1482 (rustdesk@7423dced) ignores `data` without it).
export interface Page {
  current: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 1000;

/** Lenient: missing or nonsense values fall back (Pro's scripts send only pageSize at times: client: res/strategies.py:94 (rustdesk@7423dced)). */
export function pageOf(query: Record<string, string | undefined>, defaultSize = 10): Page {
  const int = (v: string | undefined) => (v !== undefined && /^\d{1,9}$/.test(v.trim()) ? Number(v) : undefined);
  const current = Math.max(1, int(query.current) ?? 1);
  const size = int(query.pageSize) ?? defaultSize;
  return { current, pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, size)) };
}

export const offsetOf = (p: Page) => (p.current - 1) * p.pageSize;

export function paginate<T>(all: T[], p: Page): { total: number; data: T[] } {
  return { total: all.length, data: all.slice(offsetOf(p), offsetOf(p) + p.pageSize) };
}
