// API tokens and enrolment keys (GET/POST/DELETE /api/admin/tokens…).
import { del, get, post } from "./api.ts";

export type Token = {
  guid: string;
  name: string;
  kind: "api" | "enrol";
  prefix: string;
  scopes: Record<string, "r" | "rw">;
  owner: string | null;
  state: "active" | "revoked" | "expired" | "used_up";
  note: string;
  presets: Record<string, string>;
  max_uses: number | null;
  uses: number;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
};
export type Enrolment = { token: string; device: string; kind: "assign" | "deploy"; at: string; ip: string | null; registered: boolean };
export const AREAS = ["devices", "users", "groups", "strategies", "address_books", "audit", "enrol", "admin"] as const;
export const PRESETS = ["user", "device_group", "strategy", "address_book", "ab_tag", "note"] as const;

export const listTokens = () => get<{ total: number; data: Token[] }>("/api/admin/tokens");
export const createToken = (body: Record<string, unknown>) => post<Token & { token: string }>("/api/admin/tokens", body);
export const revokeToken = (name: string) => del<Token>(`/api/admin/tokens/${encodeURIComponent(name)}`);
export const tokenEnrolments = (name: string) => get<{ total: number; data: Enrolment[] }>(`/api/admin/tokens/${encodeURIComponent(name)}/enrolments`);
