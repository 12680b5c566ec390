// RustDesk Server Pro's admin routes for users (pro-admin-api §3, routes #1-#9), as res/users.py and
// res/user-groups.py call them with an API token. Success is exactly 200 with an empty body (or the list);
// failures are {"error"} with a 4xx.
//
// GET /api/users is also the client's group view (a user login token: src/devices/visibility.ts). Elysia
// registers a path once, so it is registered here only and dispatches on the kind of Bearer token:
// an API token (rdc_…) gets Pro's admin list, anything else is a user login with exactly the client's behaviour.
import { Elysia, t } from "elysia";
import { INVALID_TOKEN, bearerToken } from "../../auth/macro.ts";
import { resolveSession } from "../../auth/sessions.ts";
import { resetTotp } from "../../auth/totp.ts";
import { withTransaction } from "../../core/context.ts";
import type { CoreDeps } from "../../core/deps.ts";
import { ServiceError } from "../../core/errors.ts";
import { pageOf } from "../../core/page.ts";
import { groupViewUsers } from "../../devices/visibility.ts";
import { addUserToGroup, requireGroup } from "../../groups/service.ts";
import { requestContext } from "../../http/context.ts";
import { checkThenJson } from "../../http/json-hook.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { authenticateToken } from "../../tokens/authenticate.ts";
import { SECRET_SHAPE } from "../../tokens/secret.ts";
import { INVITE_DAYS, inviteUser, withdrawInvite } from "../../users/invites.ts";
import { listUsersFiltered, setTotpEnforced, userByGuid, usersByGuids, type ListedUser } from "../../users/pro.ts";
import { createUser, deleteUser, disableUser, enableUser, logoutAll, updateUser } from "../../users/service.ts";
import { adminAuth, tokenActor } from "../token-auth.ts";
import { naiveUtc } from "./list.ts";

const READ = { area: "users" as const, write: false };
const WRITE = { area: "users" as const, write: true };
const detail = (summary: string, description?: string) => ({ tags: ["admin: pro"], summary, ...(description ? { description } : {}) });

/** 200 with an empty body: what every script prints as success (pro-admin-api §1.4). */
export const done = () => new Response(null, { status: 200 });

export const Guid = t.Object({ guid: t.String({ minLength: 1, maxLength: 64 }) });
const Guids = t.Array(t.String({ minLength: 1, maxLength: 64 }), { maxItems: 10_000, error: "user_guids: a list of user guids" });
const Text = (max: number) => t.String({ maxLength: max });

/** A user as §2.1 has it (strings never null). */
export const proUser = (r: ListedUser) => ({
  guid: r.user.guid,
  name: r.user.name,
  display_name: r.user.displayName,
  email: r.user.email,
  note: r.user.note,
  status: r.user.status,
  is_admin: r.user.isAdmin,
  group_guid: r.groupGuid ?? "",
  group_name: r.groupName ?? "",
  strategy_name: r.strategyName ?? "",
  tfa: r.totp,
  tfa_enforced: r.user.totpEnforced,
  email_verification: r.user.emailVerification,
  created_at: naiveUtc(r.user.createdAt),
});

const int = (v: string | undefined) => (v !== undefined && /^-?\d{1,2}$/.test(v) ? Number(v) : undefined);

export function proUserRoutes(deps: CoreDeps, mailer: Mailer) {
  const bulk = (request: Request, actor: Parameters<typeof requestContext>[2], guids: readonly string[], each: (ctx: ReturnType<typeof requestContext>, name: string) => unknown) => {
    // All or nothing: one unknown guid refuses the lot.
    withTransaction(requestContext(deps, request, actor), (tx) => {
      for (const u of usersByGuids(tx, guids)) each(tx, u.name);
    });
    return done();
  };
  return (
    new Elysia({ name: "rdconsole/admin-pro-users", detail: { tags: ["admin: pro"] } })
      .use(adminAuth(deps))
      .get(
        "/api/users",
        ({ request, query }) => {
          const secret = bearerToken(request);
          if (secret && SECRET_SHAPE.test(secret)) {
            const ctx = requestContext(deps, request, tokenActor(authenticateToken(requestContext(deps, request), secret, READ)));
            // client: res/users.py:43-47 (rustdesk@7423dced) wraps name and group_name in %…% unless "-" or already a pattern;
            // client: res/user-groups.py:135-141 (rustdesk@7423dced) sends group_name raw (exact) and only name wrapped.
            const { total, rows } = listUsersFiltered(ctx, { name: query.name, groupName: query.group_name, email: query.email, status: int(query.status) }, pageOf(query, 10));
            return { total, data: rows.map(proUser) };
          }
          // A user login: the client's group view, unchanged (test/contract/devices.test.ts T8).
          const found = secret ? resolveSession(requestContext(deps, request), secret) : null;
          if (!found) throw new ServiceError("UNAUTHORIZED", INVALID_TOKEN);
          const actor = { type: "user" as const, name: found.user.name, guid: found.user.guid, userId: found.userId, isAdmin: found.user.isAdmin };
          return groupViewUsers(requestContext(deps, request, actor), pageOf(query, 100), query.status === "1");
        },
        {
          // The client sends its Bearer header and no body; a JSON content type with an empty body is accepted.
          parse: checkThenJson(() => null, () => deps.config.server.body_limit),
          detail: detail(
            "Users: Pro's admin list (API token, users:r) or the client's group view (user login)",
            "With an API token: all users, filters name, group_name, email (SQL LIKE: % and _, else exact, case-insensitive; - = none) and status, paged by current and pageSize (default 10); rows {guid, name, display_name, email, note, status, is_admin, group_guid, group_name, strategy_name, tfa, tfa_enforced, email_verification, created_at}. With a user login token: the users that user may see, {name, display_name, email, note, status, is_admin}, status=1 for enabled users only.",
          ),
        },
      )
      .post(
        "/api/users",
        async ({ request, body, actor }) => {
          const ctx = requestContext(deps, request, actor);
          // The group is checked before the user is created.
          const group = body.group_name ? requireGroup(ctx, body.group_name) : undefined;
          const user = await createUser(ctx, { name: body.name, password: body.password, email: body.email, note: body.note });
          if (group) addUserToGroup(ctx, group.name, user.name);
          return done();
        },
        {
          apiToken: WRITE,
          body: t.Object({ name: Text(128), password: Text(1024), group_name: t.Optional(Text(128)), email: t.Optional(Text(254)), note: t.Optional(Text(2000)) }),
          detail: detail("Create a user (users.py new)", "Body {name, password, group_name, email?, note?}; the user is enabled, not an administrator, in group_name (else Default)."),
        },
      )
      .post(
        "/api/users/invite",
        async ({ request, body, actor }) => {
          if (!mailer.enabled) throw new ServiceError("UNAVAILABLE", "invitations are sent by e-mail, and [smtp] is not configured (set smtp.host and smtp.from)");
          const ctx = requestContext(deps, request, actor);
          const { user, secret } = withTransaction(ctx, (tx) => {
            const group = body.group_name ? requireGroup(tx, body.group_name) : undefined;
            const invited = inviteUser(tx, { name: body.name, email: body.email, note: body.note });
            if (group) addUserToGroup(tx, group.name, invited.user.name);
            return invited;
          });
          const base = (deps.config.server.public_url || new URL(request.url).origin).replace(/\/+$/, "");
          const link = `${base}/invite?token=${secret}`;
          try {
            await mailer.send({
              to: user.email,
              subject: "You are invited to RustDesk",
              text: `Hello ${user.name},\n\nan administrator created a RustDesk account for you (user name: ${user.name}).\nSet your password here to activate it; the link works once and for ${INVITE_DAYS} days:\n\n${link}\n\nThen log in with the RustDesk client on this server.\nIf you did not expect this, ignore this e-mail.\n`,
            });
          } catch (e) {
            // No half-made invitation: the user is removed again while still unverified.
            withdrawInvite(ctx, user.id);
            throw e;
          }
          return done();
        },
        {
          apiToken: WRITE,
          body: t.Object({ email: Text(254), name: Text(128), group_name: t.Optional(Text(128)), note: t.Optional(Text(2000)) }),
          detail: detail(
            "Invite a user by e-mail (users.py invite)",
            `Body {email, name, group_name, note?}: creates the user unverified (status -1) and e-mails a one-time link (valid ${INVITE_DAYS} days) to a page that sets the password and activates the account. Needs [smtp].`,
          ),
        },
      )
      .post("/api/users/:guid/disable", ({ request, params, actor }) => (disableUser(requestContext(deps, request, actor), userByGuid(requestContext(deps, request), params.guid).name), done()), {
        apiToken: WRITE,
        params: Guid,
        detail: detail("Disable a user (status 0; its logins end)"),
      })
      .post(
        "/api/users/:guid/enable",
        ({ request, params, actor }) => {
          const ctx = requestContext(deps, request, actor);
          const user = userByGuid(ctx, params.guid);
          // Enabling would kill the invitation link and leave an account without a password.
          if (user.status === -1) throw new ServiceError("CONFLICT", `${user.name} has not accepted the invitation yet; it is enabled by setting a password through the link`);
          enableUser(ctx, user.name);
          return done();
        },
        {
          apiToken: WRITE,
          params: Guid,
          detail: detail("Enable a user (status 1)", "An invited user (status -1) is refused: the invitation link activates it."),
        },
      )
      .delete(
        "/api/users/:guid",
        ({ request, params, actor }) => {
          const ctx = requestContext(deps, request, actor);
          const user = userByGuid(ctx, params.guid);
          // As in Pro (its admin-role page): "Users must be disabled before they can be deleted".
          if (user.status === 1) throw new ServiceError("CONFLICT", `Please disable the user first: ${user.name} is enabled`);
          deleteUser(ctx, user.name);
          return done();
        },
        { apiToken: WRITE, params: Guid, detail: detail("Delete a user (disable it first)") },
      )
      .put(
        "/api/users/tfa/totp/enforce",
        ({ request, body, actor }) => (setTotpEnforced(requestContext(deps, request, actor), body.user_guids, body.enforce, body.url ?? ""), done()),
        {
          apiToken: WRITE,
          body: t.Object({ user_guids: Guids, enforce: t.Boolean({ error: "enforce: true or false" }), url: t.Optional(Text(2048)) }),
          detail: detail("Mark users as required to set up TOTP, or not (users.py enable-2fa-enforce / disable-2fa-enforce)", "Body {user_guids, enforce, url}: tfa_enforced in the list; an enforced user without TOTP is refused at login (password and SSO) with a message pointing at url (else at the administrator)."),
        },
      )
      .put(
        "/api/users/disable_login_verification",
        ({ request, body, actor }) =>
          body.type === "email"
            ? bulk(request, actor, body.user_guids, (tx, name) => updateUser(tx, name, { emailVerification: false }))
            : bulk(request, actor, body.user_guids, (tx, name) => resetTotp(tx, name)),
        {
          apiToken: WRITE,
          body: t.Object({ user_guids: Guids, type: t.UnionEnum(["email", "2fa"], { error: "type: email or 2fa" }) }),
          detail: detail("Turn off e-mailed login codes (type email) or reset TOTP (type 2fa, logins end) for users", "Body {user_guids, type}."),
        },
      )
      .post("/api/users/force-logout", ({ request, body, actor }) => bulk(request, actor, body.user_guids, (tx, name) => logoutAll(tx, name)), {
        apiToken: WRITE,
        body: t.Object({ user_guids: Guids }),
        detail: detail("End every login of users (their clients get 401)", "Body {user_guids}."),
      })
  );
}
