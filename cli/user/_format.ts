// Stable JSON field names for `--json` (the shape RustDesk Server Pro's admin API uses for users: client: res/users.py:255-263 (rustdesk@7423dced)).
import type { User } from "../../src/users/model.ts";

export const STATUS_NAME = { 1: "normal", 0: "disabled", [-1]: "unverified" } as const;

export type TfaState = "off" | "pending" | "on";

export function userJson(u: User, tfa: TfaState) {
  return {
    guid: u.guid,
    name: u.name,
    display_name: u.displayName,
    email: u.email,
    note: u.note,
    is_admin: u.isAdmin,
    status: u.status,
    tfa,
    tfa_enforced: u.totpEnforced,
    email_verification: u.emailVerification,
    has_password: u.hasPassword,
    created_at: new Date(u.createdAt).toISOString(),
    updated_at: new Date(u.updatedAt).toISOString(),
  };
}

export const userArg = { name: { type: "positional", description: "User name", required: true } } as const;
