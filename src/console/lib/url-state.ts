// List state kept in the URL (page, page size, search, sort, filters), so a view can be linked to and the back
// button returns to it.
import { useLocation, useSearch } from "wouter";

export type ListState = { page: number; size: number; q: string; sort: string; desc: boolean; filters: Record<string, string> };
const RESERVED = new Set(["page", "size", "q", "sort", "desc"]);

export function parseListState(search: string, defaultSize = 50): ListState {
  const p = new URLSearchParams(search);
  const int = (k: string, d: number, max: number) => {
    const n = Number.parseInt(p.get(k) ?? "", 10);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : d;
  };
  const filters: Record<string, string> = {};
  for (const [k, v] of p) if (!RESERVED.has(k) && v) filters[k] = v;
  return { page: int("page", 1, 1_000_000), size: int("size", defaultSize, 500), q: p.get("q") ?? "", sort: p.get("sort") ?? "", desc: p.get("desc") === "1", filters };
}

export function listSearch(s: ListState): string {
  const p = new URLSearchParams();
  if (s.page > 1) p.set("page", String(s.page));
  if (s.size !== 50) p.set("size", String(s.size));
  if (s.q) p.set("q", s.q);
  if (s.sort) p.set("sort", s.sort);
  if (s.desc) p.set("desc", "1");
  for (const [k, v] of Object.entries(s.filters)) if (v) p.set(k, v);
  const text = p.toString();
  return text ? `?${text}` : "";
}

export function useListState(defaultSize = 50): [ListState, (change: Partial<ListState>) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const state = parseListState(search, defaultSize);
  // Any change but the page itself starts again at page 1.
  const update = (change: Partial<ListState>) => navigate(location + listSearch({ ...state, ...(change.page ? {} : { page: 1 }), ...change }));
  return [state, update];
}
