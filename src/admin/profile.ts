// The signed-in user's own account (seed 003's /api/auth/profile and /api/auth/password), and TOTP
// self-enrolment: a new secret with its otpauth:// URI and QR code (SVG), confirmed with a first code
// (recovery codes shown once), turned off with a current code. Console sign-in only (`signedIn`):
// the profile and TOTP enrolment are open to a restricted session (TOTP enforced, not set up yet).
import { Elysia, t } from "elysia";
import type { AuthRuntime } from "../auth/runtime.ts";
import { beginOwnTotp, changeOwnPassword, confirmOwnTotp, disableOwnTotp } from "../auth/self.ts";
import { resolveConsoleSession } from "../auth/console.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { qrSvg } from "../enrolment/qr.ts";
import { requestContext } from "../http/context.ts";
import { consoleSecret } from "./console-cookie.ts";
import { Problem, ProfileOut, profileJson } from "./profile-json.ts";
import { adminAuth } from "./token-auth.ts";

const errors = { 400: Problem, 401: Problem, 403: Problem, 409: Problem, 429: Problem };
const Code = t.Object({ code: t.String({ minLength: 1, maxLength: 64, description: "a current code from the authenticator (turning off: or a recovery code)" }) }, { additionalProperties: false });

export function adminProfileRoutes(deps: CoreDeps, rt: AuthRuntime) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  /** Re-read after a change: the profile as it is now (tfa, restriction lifted). */
  const fresh = (request: Request, actor: Actor) => profileJson(ctxOf(request, actor), resolveConsoleSession(ctxOf(request, actor), consoleSecret(request)!)!);
  return new Elysia({ name: "rdconsole/admin-profile", detail: { tags: ["admin: sign-in"] } })
    .use(adminAuth(deps))
    .get("/api/admin/profile", ({ request, actor, me }) => profileJson(ctxOf(request, actor), me), {
      signedIn: "profile",
      response: { 200: ProfileOut, ...errors },
      detail: { summary: "The signed-in user: name, administrator or not, TOTP state (totp_required: enrol before anything else), this session" },
    })
    .put(
      "/api/admin/password",
      async ({ request, actor, owner, me, body }) => {
        const revoked = await changeOwnPassword(ctxOf(request, actor), rt, owner, { current: body.current_password, next: body.new_password, keepSessionId: me.session.id });
        return { changed: true, sessions_revoked: revoked };
      },
      {
        signedIn: "self",
        body: t.Object({ current_password: t.String({ minLength: 1, maxLength: 1024 }), new_password: t.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
        response: { 200: t.Object({ changed: t.Boolean(), sessions_revoked: t.Integer({ description: "the user's other sessions (console and client) ended" }) }), ...errors },
        detail: { summary: "Change one's own password: the current one first (403 if wrong; counts like a failed login); every other session of the user ends" },
      },
    )
    .post(
      "/api/admin/profile/totp",
      ({ request, actor, owner }) => {
        const { secret, uri } = beginOwnTotp(ctxOf(request, actor), owner);
        return { secret, otpauth_url: uri, qr_svg: qrSvg(uri) };
      },
      {
        signedIn: "profile",
        response: { 200: t.Object({ secret: t.String({ description: "base32, for typing into the app" }), otpauth_url: t.String(), qr_svg: t.String({ description: "the otpauth URL as an SVG QR code" }) }), ...errors },
        detail: { summary: "Start TOTP enrolment: a new authenticator secret (replacing an unconfirmed one); not required at sign-in until confirmed; 409 if TOTP is already on" },
      },
    )
    .post(
      "/api/admin/profile/totp/confirm",
      ({ request, actor, owner, body }) => {
        const codes = confirmOwnTotp(ctxOf(request, actor), owner, body.code);
        return { enabled: true, recovery_codes: codes, profile: fresh(request, actor) };
      },
      {
        signedIn: "profile",
        body: Code,
        response: { 200: t.Object({ enabled: t.Boolean(), recovery_codes: t.Array(t.String(), { description: "single-use; shown this once" }), profile: ProfileOut }), ...errors },
        detail: { summary: "Confirm TOTP with the first code from the app: TOTP is on, and the recovery codes are in this answer only" },
      },
    )
    .delete(
      "/api/admin/profile/totp",
      ({ request, actor, owner, body }) => {
        disableOwnTotp(ctxOf(request, actor), rt, owner, body.code);
        return { enabled: false, profile: fresh(request, actor) };
      },
      {
        signedIn: "profile",
        body: Code,
        response: { 200: t.Object({ enabled: t.Boolean(), profile: ProfileOut }), ...errors },
        detail: { summary: "Turn one's own TOTP off with a current code (403 if wrong); 409 while an administrator enforces it" },
      },
    );
}
