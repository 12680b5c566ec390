// Who is signed in: GET /api/admin/profile (401 = nobody) and GET /api/admin/setup/status (a fresh server).
import { useQuery } from "@tanstack/react-query";
import { ApiError, get } from "./api.ts";

export type Profile = {
  name: string;
  display_name: string;
  email: string;
  is_admin: boolean;
  tfa: "off" | "pending" | "on";
  totp_required: boolean;
  recovery_codes_left: number;
  has_password: boolean;
  session: { guid: string; created_at: string; expires_at: string };
};

export const PROFILE_KEY = ["profile"] as const;

export function useProfile() {
  return useQuery({
    queryKey: PROFILE_KEY,
    queryFn: async () => {
      try {
        return await get<Profile>("/api/admin/profile");
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: ["setup-status"], queryFn: () => get<{ needs_setup: boolean }>("/api/admin/setup/status"), staleTime: Infinity, retry: false });
}

/** Where to go back to after signing in: a same-origin console path only. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}
