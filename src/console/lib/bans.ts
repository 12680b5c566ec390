// IP bans (/api/admin/bans) and login lockouts (/api/admin/lockouts) as the admin API gives them.
import { del, get, post } from "./api.ts";

export type Ban = { id: number; guid: string; cidr: string; comment: string; created_by: string; created_at: string; expires_at: string | null };
export type Lockout = { kind: "ip" | "account"; subject: string; locked_at: string; locked_until: string };

export const getBans = (all: boolean) => get<{ total: number; data: Ban[] }>(`/api/admin/bans${all ? "?all=true" : ""}`);
export const addBan = (body: { address: string; expires?: string; comment?: string }) => post<Ban>("/api/admin/bans", body);
export const removeBan = (guid: string) => del<Ban>(`/api/admin/bans/${encodeURIComponent(guid)}`);

export const getLockouts = () => get<{ total: number; data: Lockout[] }>("/api/admin/lockouts");
// An IPv6 /64 carries a slash, which a path segment cannot: the API takes that one in the body.
export const liftLockout = (target: string) => (target.includes("/") ? del<unknown>("/api/admin/lockouts", { target }) : del<unknown>(`/api/admin/lockouts/${encodeURIComponent(target)}`));
