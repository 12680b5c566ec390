// The admin HTTP API's authentication: a Bearer API token (src/tokens/), checked on every request with
// no cache, so a revoke or an expiry takes effect at once. Errors carry a machine code (errors.ts).
import { Elysia } from "elysia";
import { INVALID_TOKEN, bearerToken } from "../auth/macro.ts";
import { resolveSession } from "../auth/sessions.ts";
import { SECRET_SHAPE } from "../tokens/secret.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { ServiceError } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { checkThenJson } from "../http/json-hook.ts";
import { authenticateToken } from "../tokens/authenticate.ts";
import type { Need } from "../tokens/scopes.ts";

/** Who a token acts as: console-audit actor token:<name>, with its owner's rights. */
export const tokenActor = ({ token, owner }: ReturnType<typeof authenticateToken>) =>
  ({ type: "token" as const, name: `token:${token.name}`, guid: token.guid, userId: owner.id, isAdmin: true });

/**
 * The hooks of a guard whose check runs once per request: by the parse hook, before the body is read (as for
 * the client's routes, auth/macro.ts: no body is read for a caller without a valid token), else by transform
 * (a chunked body the pipeline read first); resolve hands on what it found.
 */
function guardHooks<T extends object, R>(deps: CoreDeps, decide: (request: Request, need: Need) => T, toContext: (found: T) => R) {
  const seen = new WeakMap<Request, T | ServiceError>();
  const check = (request: Request, need: Need): T | ServiceError => {
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
  const found = (request: Request, need: Need): T => {
    const c = check(request, need);
    if (c instanceof ServiceError) throw c;
    return c;
  };
  return (need: Need) => ({
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

/** The admin API's routes: a Bearer API token with the route's scope. */
export const adminAuth = (deps: CoreDeps) => {
  const hooks = guardHooks(
    deps,
    (request, need) => {
      const secret = bearerToken(request);
      if (!secret) throw new ServiceError("UNAUTHORIZED", "this endpoint needs an API token: Authorization: Bearer rdc_… (rdconsole token create)");
      return authenticateToken(requestContext(deps, request), secret, need);
    },
    (c) => ({ token: c.token, owner: c.owner, actor: tokenActor(c) }),
  );
  return new Elysia({ name: "rdconsole/admin-auth" }).macro({ apiToken: hooks });
};

/**
 * Paths the client and Pro's scripts share (/api/ab/…): a Bearer API token (rdc_…) acts for its owner with
 * the scope `need`; anything else must be a user login, with exactly the client's `auth` behaviour
 * (401 {"error":"Invalid token"}, the token checked before the body is read). `viaToken` tells them apart.
 */
export const userOrTokenAuth = (deps: CoreDeps) => {
  const hooks = guardHooks(
    deps,
    (request, need): { actor: Actor & { userId: number }; viaToken: boolean } => {
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
