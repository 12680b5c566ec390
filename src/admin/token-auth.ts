// The admin HTTP API's authentication, the one guard of /api/admin/*: a Bearer API token (src/tokens/), or
// the console's session cookie (src/auth/console.ts). Both are checked on every request with no cache, so
// a revoke, an expiry or a demotion takes effect at once. Errors carry a machine code (errors.ts).
// - `apiToken: {area, write}`: a token with that scope; or a signed-in enabled administrator, who has every
//   area read-write (console-audit actor: the user); a signed-in non-administrator gets 403.
// - `signedIn: "profile" | "self"`: a console sign-in only (any user, their own things). "profile" is all a
//   restricted session (TOTP enforced, not set up yet) may reach; "self" needs an unrestricted one.
import { Elysia } from "elysia";
import { INVALID_TOKEN, bearerToken } from "../auth/macro.ts";
import { resolveConsoleSession, type ConsoleSession } from "../auth/console.ts";
import { resolveSession } from "../auth/sessions.ts";
import { SECRET_SHAPE } from "../tokens/secret.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { ServiceError } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { checkThenJson } from "../http/json-hook.ts";
import { authenticateToken } from "../tokens/authenticate.ts";
import type { TokenRow } from "../tokens/model.ts";
import type { Need } from "../tokens/scopes.ts";
import type { UserRow } from "../users/model.ts";
import { consoleSecret, requireCsrf } from "./console-cookie.ts";

/** Who a token acts as: console-audit actor token:<name>, with its owner's rights. */
export const tokenActor = ({ token, owner }: ReturnType<typeof authenticateToken>) =>
  ({ type: "token" as const, name: `token:${token.name}`, guid: token.guid, userId: owner.id, isAdmin: true });

/** Who a console sign-in acts as: the user (actor type "user", like their logins). */
export const userActor = (row: UserRow) => ({ type: "user" as const, name: row.name, guid: row.guid, userId: row.id, isAdmin: row.isAdmin });

export type SignedInLevel = "profile" | "self";

/**
 * The hooks of a guard whose check runs once per request: by the parse hook, before the body is read (as for
 * the client's routes, auth/macro.ts: no body is read for a caller without a valid token), else by transform
 * (a chunked body the pipeline read first); resolve hands on what it found.
 */
function guardHooks<N, T extends object, R>(deps: CoreDeps, decide: (request: Request, need: N) => T, toContext: (found: T) => R) {
  const seen = new WeakMap<Request, T | ServiceError>();
  const check = (request: Request, need: N): T | ServiceError => {
    let c = seen.get(request);
    if (c) return c;
    try {
      c = decide(request, need);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      c = e;
    }
    seen.set(request, c);
    return c;
  };
  const found = (request: Request, need: N): T => {
    const c = check(request, need);
    if (c instanceof ServiceError) throw c;
    return c;
  };
  return (need: N) => ({
    parse: checkThenJson((request) => {
      const c = check(request, need);
      return c instanceof ServiceError ? c : null;
    }, () => deps.config.server.body_limit),
    transform({ request }: { request: Request }) {
      found(request, need);
    },
    resolve({ request }: { request: Request }) {
      return toContext(found(request, need));
    },
  });
}

const NO_CREDENTIALS = "this endpoint needs an API token: Authorization: Bearer rdc_… (rdconsole token create), or a console sign-in";
const SIGNED_OUT = "your console sign-in has ended; sign in again";
export const TOTP_FIRST = "your administrator requires two-factor authentication: set it up first (POST /api/admin/profile/totp)";

/** The console session behind the request's cookie, checked for `level`; `admin`: an administrator's only. */
function consoleCaller(deps: CoreDeps, request: Request, level: SignedInLevel | "admin"): ConsoleSession {
  const secret = consoleSecret(request);
  if (!secret) throw new ServiceError("UNAUTHORIZED", level === "admin" ? NO_CREDENTIALS : "this endpoint needs a console sign-in (POST /api/admin/login)");
  const found = resolveConsoleSession(requestContext(deps, request), secret);
  if (!found) throw new ServiceError("UNAUTHORIZED", SIGNED_OUT);
  requireCsrf(request);
  if (level !== "profile" && found.restricted) throw new ServiceError("FORBIDDEN", TOTP_FIRST);
  if (level === "admin" && !found.row.isAdmin) throw new ServiceError("FORBIDDEN", `${found.row.name} is not an administrator; signed-in users may only reach their own profile, devices, sessions and address book (/api/admin/profile, /api/admin/me/…)`);
  return found;
}

/** The admin API's routes: a Bearer API token with the route's scope, or an administrator's console sign-in. */
export const adminAuth = (deps: CoreDeps) => {
  const byToken = guardHooks(
    deps,
    (request, need: Need): { token: TokenRow | null; owner: UserRow; actor: Actor & { userId: number } } => {
      const secret = bearerToken(request);
      if (secret) {
        const c = authenticateToken(requestContext(deps, request), secret, need);
        return { token: c.token, owner: c.owner, actor: tokenActor(c) };
      }
      const { row } = consoleCaller(deps, request, "admin");
      return { token: null, owner: row, actor: userActor(row) };
    },
    (c) => c,
  );
  const signedIn = guardHooks(
    deps,
    (request, level: SignedInLevel) => {
      const found = consoleCaller(deps, request, level);
      return { me: found, owner: found.row, actor: userActor(found.row) };
    },
    (c) => c,
  );
  return new Elysia({ name: "rdconsole/admin-auth" }).macro({ apiToken: byToken, signedIn });
};

/**
 * Paths the client and Pro's scripts share (/api/ab/…): a Bearer API token (rdc_…) acts for its owner with
 * the scope `need`; anything else must be a user login, with exactly the client's `auth` behaviour
 * (401 {"error":"Invalid token"}, the token checked before the body is read). `viaToken` tells them apart.
 */
export const userOrTokenAuth = (deps: CoreDeps) => {
  const hooks = guardHooks(
    deps,
    (request, need: Need): { actor: Actor & { userId: number }; viaToken: boolean } => {
      const secret = bearerToken(request);
      if (secret && SECRET_SHAPE.test(secret)) return { actor: tokenActor(authenticateToken(requestContext(deps, request), secret, need)), viaToken: true };
      const found = secret ? resolveSession(requestContext(deps, request), secret) : null;
      if (!found) throw new ServiceError("UNAUTHORIZED", INVALID_TOKEN);
      return { actor: { type: "user", name: found.user.name, guid: found.user.guid, userId: found.userId as number, isAdmin: found.user.isAdmin }, viaToken: false };
    },
    (c) => c,
  );
  return new Elysia({ name: "rdconsole/user-or-token-auth" }).macro({ userOrToken: hooks });
};
