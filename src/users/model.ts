// A user as every transport shows it: the row less its id and password hash.
import type { users, UserStatus } from "../db/schema.ts";

export type UserRow = typeof users.$inferSelect;

export interface User {
  guid: string;
  name: string;
  displayName: string;
  email: string;
  note: string;
  isAdmin: boolean;
  emailVerification: boolean;
  status: UserStatus;
  /** An administrator requires this user to set up TOTP before logging in (Pro's 2FA enforcement). */
  totpEnforced: boolean;
  hasPassword: boolean;
  createdAt: number;
  updatedAt: number;
}

export function toUser(row: UserRow): User {
  const { id: _id, passwordHash, totpEnforceUrl: _url, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}
