// A user as JSON, for `user list/show --json` and the admin API (one shape: the one RustDesk Server Pro's admin
// API uses for users, client: res/users.py:255-263 (rustdesk@7423dced), plus rdconsole's own fields). Never the password hash.
import type { User } from "./model.ts";

export type TfaState = "off" | "pending" | "on";

const iso = (ms: number) => new Date(ms).toISOString();

/** `lockedUntil`: the end of the account's login lockout in force (auth/lockout-store.ts), given by the caller — users sit below auth. */
export function userJson(u: User, tfa: TfaState, lockedUntil?: number) {
  return {
    guid: u.guid,
    name: u.name,
    display_name: u.displayName,
    email: u.email,
    note: u.note,
    is_admin: u.isAdmin,
    status: u.status as number,
    tfa,
    tfa_enforced: u.totpEnforced,
    email_verification: u.emailVerification,
    has_password: u.hasPassword,
    locked: lockedUntil !== undefined,
    locked_until: lockedUntil === undefined ? null : iso(lockedUntil),
    created_at: iso(u.createdAt),
    updated_at: iso(u.updatedAt),
  };
}
