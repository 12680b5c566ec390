// rdconsole's own admin API for user accounts — what `rdconsole user …` does: list, show, create, set, delete,
// passwd, disable, enable, unlock (lockout clear), logout-all, 2fa disable/reset, sessions (list, revoke one), sso-links (list, unlink).
// Area users (users:r to read, users:rw to change). The services' rules apply as on the CLI: the last enabled
// administrator stays one, e-mail verification needs an address and [smtp]. Never a password hash, a TOTP
// secret or a session token in a reply, but `2fa enable` and `sso-link` (user-enrol.ts) show a new secret once.
import { Elysia, t } from "elysia";
import { disableTotp, resetTotp, totpStates } from "../auth/totp.ts";
import { listSessions, revokeSession, type SessionView } from "../auth/sessions.ts";
import { lockedAccounts, unlockUser } from "../auth/lockout-store.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { listSsoLinks, unlinkSso } from "../sso/identity.ts";
import { userJson } from "../users/json.ts";
import type { User } from "../users/model.ts";
import { groupOfUser, pageUsers } from "../users/page.ts";
import { createUser, deleteUser, disableUser, enableUser, getUser, logoutAll, setPassword, updateUser } from "../users/service.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "users" as const, write: false };
const WRITE = { area: "users" as const, write: true };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const sessionJson = (s: SessionView) => ({
  guid: s.guid,
  user: s.user,
  kind: s.kind,
  device_id: s.deviceId,
  device_uuid: s.deviceUuid,
  device_info: { os: s.deviceInfo?.os ?? "", type: s.deviceInfo?.type ?? "", name: s.deviceInfo?.name ?? "" },
  ip: s.ip,
  created_at: iso(s.createdAt)!,
  last_used_at: iso(s.lastUsedAt)!,
  expires_at: iso(s.expiresAt)!,
});

const Problem = t.Object({ error: t.String(), code: t.String() });
const UserOut = t.Object({
  guid: t.String(),
  name: t.String(),
  display_name: t.String(),
  email: t.String(),
  note: t.String(),
  is_admin: t.Boolean(),
  status: t.Integer({ description: "1 normal, 0 disabled, -1 unverified (invited)" }),
  tfa: t.UnionEnum(["off", "pending", "on"], { description: "two-factor authentication (TOTP)" }),
  tfa_enforced: t.Boolean({ description: "TOTP must be set up before the user may log in (PUT /api/users/tfa/totp/enforce)" }),
  email_verification: t.Boolean({ description: "an e-mailed code at every login" }),
  has_password: t.Boolean(),
  locked: t.Boolean({ description: "locked out after failed logins (lockout list); POST …/unlock lifts it" }),
  locked_until: t.Nullable(t.String({ format: "date-time" })),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});
const UserRowOut = t.Composite([UserOut, t.Object({ group_name: t.Nullable(t.String({ description: "the user's group (null: none)" })) })]);
const SessionOut = t.Object({
  guid: t.String(),
  user: t.String(),
  kind: t.UnionEnum(["client", "console"], { description: "client: a RustDesk login; console: a browser sign-in to the web console" }),
  device_id: t.String({ description: "RustDesk ID of the client that logged in (\"\" for the console)" }),
  device_uuid: t.String(),
  device_info: t.Object({ os: t.String(), type: t.String(), name: t.String() }),
  ip: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
  last_used_at: t.String({ format: "date-time" }),
  expires_at: t.String({ format: "date-time" }),
});
const SsoLinkOut = t.Object({
  guid: t.String(),
  provider: t.String(),
  issuer: t.String(),
  subject: t.String(),
  email: t.String(),
  created_at: t.String({ format: "date-time" }),
  last_login_at: t.Nullable(t.String({ format: "date-time" })),
});
const Revoked = t.Object({ name: t.String(), sessions_revoked: t.Integer({ description: "client logins ended" }) });
const NameParam = t.Object({ name: t.String({ minLength: 1, maxLength: 200, description: "user name (any case)" }) });
const Password = t.String({ minLength: 1, maxLength: 1024, description: "checked against auth.password_min_length" });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export function adminUserRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  const shown = (ctx: ReturnType<typeof ctxOf>, u: User) => userJson(u, totpStates(ctx).get(u.guid) ?? "off", lockedAccounts(ctx).get(u.name.toLowerCase()));
  return new Elysia({ name: "rdconsole/admin-users", detail: { tags: ["admin: users"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/users",
      ({ request, actor, query }) => {
        const ctx = ctxOf(request, actor);
        const tfa = totpStates(ctx);
        const locked = lockedAccounts(ctx);
        const size = query.page_size ?? 100;
        const { total, rows } = pageUsers(ctx, { search: query.search, group: query.group }, { offset: ((query.page ?? 1) - 1) * size, limit: size });
        const data = rows.map(({ user: u, group }) => ({ ...userJson(u, tfa.get(u.guid) ?? "off", locked.get(u.name.toLowerCase())), group_name: group }));
        return { total, data };
      },
      {
        apiToken: READ,
        query: t.Object({
          search: t.Optional(t.String({ maxLength: 200, description: "name, display name, e-mail or note contains (case-insensitive)" })),
          group: t.Optional(t.String({ maxLength: 200, description: "only members of this user group" })),
          page: t.Optional(t.Integer({ minimum: 1, error: "page: a whole number, from 1", description: "page number, from 1 (default 1)" })),
          page_size: t.Optional(t.Integer({ minimum: 1, maximum: 1000, error: "page_size: 1 to 1000", description: "users per page (default 100)" })),
        }),
        response: { 200: t.Object({ total: t.Integer({ description: "users matching, on all pages" }), data: t.Array(UserRowOut) }), ...errors },
        detail: { summary: "Users, oldest first (user list), searched and one page at a time (page, page_size), each with its group; needs users:r" },
      },
    )
    .post(
      "/api/admin/users",
      async ({ request, actor, body, set }) => {
        const ctx = ctxOf(request, actor);
        const u = await createUser(ctx, { name: body.name, password: body.password ?? null, email: body.email, displayName: body.display_name, note: body.note, isAdmin: body.is_admin });
        set.status = 201;
        return shown(ctx, u);
      },
      {
        apiToken: WRITE,
        body: t.Object(
          {
            name: t.String({ minLength: 1, maxLength: 200 }),
            password: t.Optional(Password),
            email: t.Optional(t.String({ maxLength: 254 })),
            display_name: t.Optional(t.String({ maxLength: 128 })),
            note: t.Optional(t.String({ maxLength: 2000 })),
            is_admin: t.Optional(t.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserOut, ...errors },
        detail: { summary: "Create a user, in the Default group (user create); without a password it cannot log in with one (SSO, or POST …/password later); needs users:rw" },
      },
    )
    .get("/api/admin/users/:name", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      return { ...shown(ctx, getUser(ctx, params.name)), group_name: groupOfUser(ctx, params.name) };
    }, { apiToken: READ, params: NameParam, response: { 200: UserRowOut, ...errors }, detail: { summary: "One user, with its group (user show); needs users:r" } })
    .patch(
      "/api/admin/users/:name",
      ({ request, actor, params, body }) => {
        if (Object.values(body).every((v) => v === undefined)) throw invalid("nothing to change: give email, display_name, note, is_admin or email_verification");
        const ctx = ctxOf(request, actor);
        return shown(ctx, updateUser(ctx, params.name, { email: body.email, displayName: body.display_name, note: body.note, isAdmin: body.is_admin, emailVerification: body.email_verification }));
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object(
          {
            email: t.Optional(t.String({ maxLength: 254, description: '"" clears it' })),
            display_name: t.Optional(t.String({ maxLength: 128 })),
            note: t.Optional(t.String({ maxLength: 2000 })),
            is_admin: t.Optional(t.Boolean({ description: "false is refused for the last enabled administrator (409)" })),
            email_verification: t.Optional(t.Boolean({ description: "true needs an e-mail address and [smtp] (400 otherwise)" })),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserOut, ...errors },
        detail: { summary: "Change e-mail, display name, note, admin flag or e-mail verification; only the fields given change (user set); needs users:rw" },
      },
    )
    .delete(
      "/api/admin/users/:name",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        const name = getUser(ctx, params.name).name;
        deleteUser(ctx, name);
        return { deleted: name };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        response: { 200: t.Object({ deleted: t.String() }), ...errors },
        detail: { summary: "Delete a user (user delete); 409 for the last enabled administrator or an owner of shared address books; needs users:rw" },
      },
    )
    .post(
      "/api/admin/users/:name/password",
      async ({ request, actor, params, body }) => {
        const ctx = ctxOf(request, actor);
        await setPassword(ctx, params.name, body.password);
        return shown(ctx, getUser(ctx, params.name));
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object({ password: Password }, { additionalProperties: false }),
        response: { 200: UserOut, ...errors },
        detail: { summary: "Set a new password; every client login of the user ends (user passwd); needs users:rw" },
      },
    )
    .post("/api/admin/users/:name/disable", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      return shown(ctx, disableUser(ctx, params.name));
    }, { apiToken: WRITE, params: NameParam, response: { 200: UserOut, ...errors }, detail: { summary: "Disable a user and end its logins (user disable); 409 for the last enabled administrator; needs users:rw" } })
    .post("/api/admin/users/:name/enable", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      return shown(ctx, enableUser(ctx, params.name));
    }, { apiToken: WRITE, params: NameParam, response: { 200: UserOut, ...errors }, detail: { summary: "Enable a user (user enable); needs users:rw" } })
    .post("/api/admin/users/:name/unlock", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      const u = getUser(ctx, params.name);
      unlockUser(ctx, u.name);
      return shown(ctx, u);
    }, { apiToken: WRITE, params: NameParam, response: { 200: UserOut, ...errors }, detail: { summary: "Lift the user's login lockout (lockout clear <name>; the source IPs' stay); 409 if it is not locked; needs users:rw" } })
    .post("/api/admin/users/:name/logout-all", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      const n = logoutAll(ctx, params.name);
      return { name: getUser(ctx, params.name).name, sessions_revoked: n };
    }, { apiToken: WRITE, params: NameParam, response: { 200: Revoked, ...errors }, detail: { summary: "End every client login of the user (user logout-all); needs users:rw" } })
    .post("/api/admin/users/:name/2fa/disable", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      disableTotp(ctx, params.name);
      return shown(ctx, getUser(ctx, params.name));
    }, { apiToken: WRITE, params: NameParam, response: { 200: UserOut, ...errors }, detail: { summary: "Turn two-factor authentication off, logins stay (user 2fa disable); 409 if it is off; needs users:rw" } })
    .post("/api/admin/users/:name/2fa/reset", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      const n = resetTotp(ctx, params.name);
      return { name: getUser(ctx, params.name).name, sessions_revoked: n };
    }, { apiToken: WRITE, params: NameParam, response: { 200: Revoked, ...errors }, detail: { summary: "For a lost authenticator: 2FA off, recovery codes void, every login ended (user 2fa reset); needs users:rw" } })
    .get("/api/admin/users/:name/sessions", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      const name = getUser(ctx, params.name).name;
      const data = listSessions(ctx, { user: name }).map(sessionJson);
      return { total: data.length, data };
    }, { apiToken: READ, params: NameParam, response: { 200: t.Object({ total: t.Integer(), data: t.Array(SessionOut) }), ...errors }, detail: { summary: "The user's live client logins, oldest first (never a token); needs users:r" } })
    .delete("/api/admin/sessions/:guid", ({ request, actor, params }) => sessionJson(revokeSession(ctxOf(request, actor), params.guid)), {
      apiToken: WRITE,
      params: t.Object({ guid: t.String({ minLength: 1, maxLength: 64, description: "the session's guid (or number)" }) }),
      response: { 200: SessionOut, ...errors },
      detail: { summary: "End one client login (session revoke); needs users:rw" },
    })
    .get("/api/admin/users/:name/sso-links", ({ request, actor, params }) => {
      const data = listSsoLinks(ctxOf(request, actor), params.name).map((l) => ({ guid: l.guid, provider: l.provider, issuer: l.issuer, subject: l.subject, email: l.email, created_at: iso(l.createdAt)!, last_login_at: iso(l.lastLoginAt) }));
      return { total: data.length, data };
    }, { apiToken: READ, params: NameParam, response: { 200: t.Object({ total: t.Integer(), data: t.Array(SsoLinkOut) }), ...errors }, detail: { summary: "The user's sign-in links to SSO providers (user sso-links); needs users:r" } })
    .delete("/api/admin/users/:name/sso-links/:provider", ({ request, actor, params }) => ({ removed: unlinkSso(ctxOf(request, actor), params.name, params.provider) }), {
      apiToken: WRITE,
      params: t.Object({ name: t.String({ minLength: 1, maxLength: 200 }), provider: t.String({ minLength: 1, maxLength: 200, description: "a provider's name, or one link's guid" }) }),
      response: { 200: t.Object({ removed: t.Integer() }), ...errors },
      detail: { summary: "Remove the user's links to a provider, or one link by guid (user sso-unlink); needs users:rw" },
    });
}
