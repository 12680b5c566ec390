// What `rdconsole user 2fa enable` and `user sso-link` do, over the admin API (area users, users:rw). 2FA enable
// has the CLI's two steps: POST …/2fa/enable answers the new secret and its otpauth URI (the only time they are
// shown; state pending), POST …/2fa/confirm with a first code from the app turns 2FA on and answers the recovery
// codes (once). {"confirm": false} does both at once, as --no-confirm does for scripted setups.
import { Elysia, t } from "elysia";
import { beginTotp, confirmTotp, enrolTotpUnconfirmed } from "../auth/totp.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import { linkSso } from "../sso/identity.ts";
import { getUser } from "../users/service.ts";
import { adminAuth } from "./token-auth.ts";

const WRITE = { area: "users" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const NameParam = t.Object({ name: t.String({ minLength: 1, maxLength: 200, description: "user name (any case)" }) });
const Enrolment = t.Object({
  name: t.String(),
  tfa: t.UnionEnum(["pending", "on"]),
  secret: t.Optional(t.String({ description: "the authenticator's key (base32), shown this once" })),
  uri: t.Optional(t.String({ description: "otpauth:// URI for a QR code, shown this once" })),
  recovery_codes: t.Optional(t.Array(t.String(), { description: "each works once in place of a code; shown this once" })),
});
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function adminUserEnrolRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  return new Elysia({ name: "rdconsole/admin-user-enrol", detail: { tags: ["admin: users"] } })
    .use(adminAuth(deps))
    .post(
      "/api/admin/users/:name/2fa/enable",
      ({ request, actor, params, body }) => {
        const ctx = ctxOf(request, actor);
        const name = getUser(ctx, params.name).name;
        if (body?.confirm === false) {
          const { secret, uri, codes } = enrolTotpUnconfirmed(ctx, name);
          return { name, tfa: "on" as const, secret, uri, recovery_codes: codes };
        }
        return { name, tfa: "pending" as const, ...beginTotp(ctx, name) };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Optional(
          t.Object(
            { confirm: t.Optional(t.Boolean({ description: "false: on at once, without a first code (user 2fa enable --no-confirm); default true" })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: Enrolment, ...errors },
        detail: { summary: "Enrol an authenticator (user 2fa enable): the secret and otpauth URI, once; then POST …/2fa/confirm; 409 if 2FA is on; needs users:rw" },
      },
    )
    .post(
      "/api/admin/users/:name/2fa/confirm",
      ({ request, actor, params, body }) => {
        const ctx = ctxOf(request, actor);
        const name = getUser(ctx, params.name).name;
        return { name, tfa: "on" as const, recovery_codes: confirmTotp(ctx, name, body.code.trim()) };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object({ code: t.String({ minLength: 1, maxLength: 20, description: "a current 6-digit code from the app" }) }, { additionalProperties: false }),
        response: { 200: Enrolment, ...errors },
        detail: { summary: "Turn 2FA on with a first code from the app; answers the recovery codes, once; 400 if the code does not match, 409 with nothing pending; needs users:rw" },
      },
    )
    .post(
      "/api/admin/users/:name/sso-links",
      ({ request, actor, params, body, set }) => {
        const l = linkSso(ctxOf(request, actor), params.name, body.provider, body.subject);
        set.status = 201;
        return { guid: l.guid, provider: l.provider, issuer: l.issuer, subject: l.subject, email: l.email, created_at: iso(l.createdAt)!, last_login_at: iso(l.lastLoginAt) };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object(
          {
            provider: t.String({ minLength: 1, maxLength: 100, description: "a configured provider's name ([[sso.providers]])" }),
            subject: t.String({ minLength: 1, maxLength: 500, description: 'the identity at the provider: the ID token\'s "sub", or the GitHub user id' }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: t.Object({ guid: t.String(), provider: t.String(), issuer: t.String(), subject: t.String(), email: t.String(), created_at: t.String({ format: "date-time" }), last_login_at: t.Nullable(t.String({ format: "date-time" })) }),
          ...errors,
        },
        detail: { summary: "Link a user to an identity at an SSO provider by hand (user sso-link); 404 for an unknown provider, 409 when the identity is taken; needs users:rw" },
      },
    );
}
