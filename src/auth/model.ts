// Wire shapes of the client login endpoints (§2–4): client: flutter/lib/common/hbbs/hbbs.dart:133-197 (rustdesk@7423dced).
import { t } from "elysia";
import { looseObject } from "../http/schema.ts";
import type { User } from "../users/model.ts";

// The Dart client omits null keys (client: flutter/lib/common/hbbs/hbbs.dart:157-167 (rustdesk@7423dced)); other clients may send null.
const opt = (maxLength: number) => t.Optional(t.Union([t.String({ maxLength }), t.Null()]));

export const DeviceInfo = looseObject({ os: opt(256), type: opt(64), name: opt(256) });

export const LoginBody = looseObject({
  username: opt(254),
  password: opt(1024),
  id: opt(64),
  uuid: opt(256),
  autoLogin: t.Optional(t.Union([t.Boolean(), t.Null()])),
  type: opt(32),
  verificationCode: opt(64),
  tfaCode: opt(64),
  secret: opt(128),
  deviceInfo: t.Optional(t.Union([DeviceInfo, t.Null()])),
});

export const UserPayload = t.Object({
  name: t.String(),
  display_name: t.String(),
  avatar: t.String(),
  email: t.String(),
  note: t.String(),
  status: t.Integer({ description: "1 normal, 0 disabled, -1 unverified" }),
  is_admin: t.Boolean(),
  info: t.Object({}),
});

export const AccessToken = t.Object({ type: t.Literal("access_token"), access_token: t.String(), user: UserPayload });

export const Challenge = t.Object({
  type: t.Literal("email_check"),
  tfa_type: t.Union([t.Literal("tfa_check"), t.Literal("email_check")]),
  secret: t.String(),
  access_token: t.Literal(""),
  user: t.Object({ name: t.String(), email: t.Optional(t.String()), info: t.Object({}) }),
});

export const Problem = t.Object({ error: t.String() });

/**
 * The user payload the client reads (client: flutter/lib/common/hbbs/hbbs.dart:36-48 (rustdesk@7423dced));
 * `name` is what keeps it logged in (client: flutter/lib/models/user_model.dart:26 (rustdesk@7423dced)).
 */
export function userPayload(u: User) {
  return { name: u.name, display_name: u.displayName, avatar: "", email: u.email, note: u.note, status: u.status, is_admin: u.isAdmin, info: {} };
}

/** The login reply with a token (password, code step, SSO poll). */
export const tokenBody = (token: string, user: User) => ({ type: "access_token" as const, access_token: token, user: userPayload(user) });

/**
 * The second-step challenge, for /api/login and the SSO poll alike: TOTP → tfa_type "tfa_check",
 * an e-mailed code → "email_check" with the masked address.
 * client: flutter/lib/common/widgets/login.dart:790-822 (rustdesk@7423dced) expects type "email_check" for both
 * second steps, told apart by tfa_type; a top-level "tfa_check" is "bad response from server".
 */
export function challengeBody(secret: string, user: { name: string }, maskedEmail?: string) {
  const tfa_type = maskedEmail === undefined ? ("tfa_check" as const) : ("email_check" as const);
  const who = maskedEmail === undefined ? { name: user.name, info: {} } : { name: user.name, email: maskedEmail, info: {} };
  return { type: "email_check" as const, tfa_type, secret, access_token: "" as const, user: who };
}
