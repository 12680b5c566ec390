// The shapes of /api/admin/strategies… and /api/admin/strategy-keys (src/admin/strategies.ts) and the calls the
// strategy pages make.
import { del, get, patch, post, put } from "./api.ts";

export type Strategy = {
  guid: string;
  name: string;
  enabled: boolean;
  default: boolean;
  note: string;
  options: Record<string, string>;
  reapply_hours: number | null;
  created_at: string;
  updated_at: string;
};
export type Targets = { devices: string[]; users: string[]; device_groups: string[] };
export type StrategyList = { total: number; data: (Strategy & { devices: number; applied: number })[] };
export type StrategyShow = Strategy & { assigned: Targets; devices: number; applied: number; pending: number; offline: number };
export type RolloutState = "applied" | "pending" | "offline" | "clearing" | "none";
export type Rollout = {
  strategy: string;
  enabled: boolean;
  counts: { applied: number; pending: number; offline: number };
  total: number;
  data: { device: string; state: RolloutState; online: boolean; last_seen: string | null; sent_at: string | null; confirmed_at: string | null }[];
};
export type KeyDef = {
  key: string;
  kind: "enable" | "allow" | "enum" | "number" | "ip-list" | "id-list" | "text" | "server";
  group: string;
  description: string;
  allowed: string;
  values?: string[];
  min?: number;
  max?: number;
  unit?: string;
  max_length?: number;
  format?: string;
  requires_flag: string | null;
};
export type Issue = { key: string; level: "error" | "warning"; message: string };
export type Flags = { allow_repoint?: boolean; allow_stop?: boolean };

const at = (name: string) => `/api/admin/strategies/${encodeURIComponent(name)}`;
export const listStrategies = () => get<StrategyList>("/api/admin/strategies");
export const showStrategy = (name: string) => get<StrategyShow>(at(name));
/** The counts, and the first `limit` devices (the page shows a screenful, not a fleet). */
export const strategyStatus = (name: string, limit = 200) => get<Rollout>(`${at(name)}/status?limit=${limit}`);
export const strategyKeys = () => get<{ settable: KeyDef[] }>("/api/admin/strategy-keys");
export const createStrategy = (name: string) => post<{ strategy: Strategy }>("/api/admin/strategies", { name });
export const changeStrategy = (name: string, change: { options?: Record<string, string>; unset?: string[]; enabled?: boolean } & Flags) =>
  patch<{ strategy: Strategy; warnings: string[] }>(at(name), change);
export const deleteStrategy = (name: string) => del<{ deleted: string }>(at(name));
export const setDefault = (name: string | null) => put<unknown>("/api/admin/strategies/default", { name });
export const assign = (name: string, targets: Partial<Targets>) => post<unknown>(`${at(name)}/assign`, targets);
export const unassign = (name: string, targets: Partial<Targets>) => post<unknown>(`${at(name)}/unassign`, targets);
/** Every finding by key, errors included (report: true answers 200). */
export const lint = (options: Record<string, string>) =>
  post<{ issues: Issue[] }>("/api/admin/strategies/lint", { options, report: true, allow_repoint: true, allow_stop: true }).then((r) => r.issues);

/** Keys whose change takes the device away from this server (or stops it): the flag the API needs for each. */
export function gatedChanges(keys: KeyDef[], changed: Record<string, string>): { key: string; flag: keyof Flags }[] {
  return Object.entries(changed).flatMap(([key, value]): { key: string; flag: keyof Flags }[] => {
    const def = keys.find((k) => k.key === key);
    if (def?.requires_flag === "--allow-repoint") return [{ key, flag: "allow_repoint" }];
    if (def?.requires_flag === "--allow-stop" && value === "Y") return [{ key, flag: "allow_stop" }];
    return [];
  });
}
