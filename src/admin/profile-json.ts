// The signed-in user as the console sees it (GET /api/admin/profile, and the sign-in replies).
import { t } from "elysia";
import type { ConsoleSession } from "../auth/console.ts";
import { remainingRecoveryCodes, totpStatus } from "../auth/totp.ts";
import type { ServiceContext } from "../core/context.ts";

export const Problem = t.Object({ error: t.String(), code: t.String() });

export const ProfileOut = t.Object({
  name: t.String(),
  display_name: t.String(),
  email: t.String(),
  is_admin: t.Boolean({ description: "an administrator reaches every /api/admin route; others only their own (/api/admin/profile, /api/admin/me/…)" }),
  tfa: t.UnionEnum(["off", "pending", "on"], { description: "two-factor authentication (TOTP)" }),
  totp_required: t.Boolean({ description: "true: an administrator enforces TOTP and it is not on yet; until it is, this session reaches only the profile and TOTP enrolment" }),
  recovery_codes_left: t.Integer(),
  has_password: t.Boolean(),
  session: t.Object({ guid: t.String(), created_at: t.String({ format: "date-time" }), expires_at: t.String({ format: "date-time" }) }),
});

export function profileJson(ctx: ServiceContext, me: ConsoleSession) {
  const { row, session } = me;
  return {
    name: row.name,
    display_name: row.displayName,
    email: row.email,
    is_admin: row.isAdmin,
    tfa: totpStatus(ctx, row.id),
    totp_required: me.restricted,
    recovery_codes_left: remainingRecoveryCodes(ctx, row.id),
    has_password: row.passwordHash !== null,
    session: { guid: session.guid, created_at: new Date(session.createdAt).toISOString(), expires_at: new Date(session.expiresAt).toISOString() },
  };
}
