// The live remote sessions of GET /api/admin/sessions (FastX's list parameters) and their disconnect.
import { get, post } from "./api.ts";
import type { ListState } from "./url-state.ts";

export type LiveSession = {
  id: string;
  device: string;
  device_name: string;
  device_group: string | null;
  user: string | null;
  conn: number;
  controller_id: string | null;
  controller_name: string | null;
  type: string | null;
  since: string | null;
  ip: string | null;
  device_ip: string | null;
  disconnect_queued: boolean;
};
export const SESSION_TYPES = ["remote", "file transfer", "port forward", "camera", "terminal"] as const;
export const SESSION_FILTERS = ["device", "user", "type"] as const;

/** The URL's list state as FastX's parameters: start/limit for the page, sortBy/sortReverse, one filter= per field. */
export function sessionQuery(list: ListState): string {
  const p = new URLSearchParams({ start: String((list.page - 1) * list.size), limit: String(list.size) });
  if (list.sort) p.set("sortBy", list.sort);
  if (list.desc) p.set("sortReverse", "true");
  for (const k of SESSION_FILTERS) if (list.filters[k]) p.append("filter", `${k}==${list.filters[k]}`);
  return `?${p}`;
}

export const getSessions = (query: string) => get<{ total: number; data: LiveSession[] }>(`/api/admin/sessions${query}`);
export const disconnectSession = (id: string) => post<{ session: LiveSession; delivery: "next_heartbeat"; message: string }>(`/api/admin/sessions/${encodeURIComponent(id)}/disconnect`);
