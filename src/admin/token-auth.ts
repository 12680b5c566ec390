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

type Checked = ReturnType<typeof authenticateToken> | ServiceError;

/** Who a token acts as: console-audit actor token:<name>, with its owner's rights. */
export const tokenActor = ({ token, owner }: ReturnType<typeof authenticateToken>) =>
  ({ type: "token" as const, name: `token:${token.name}`, guid: token.guid, userId: owner.id, isAdmin: true });

export const adminAuth = (deps: CoreDeps) => {
  // Checked once per request: by the parse hook (before the body is read), else by transform; resolve reads it.
  const checked = new WeakMap<Request, Checked>();
  const check = (request: Request, need: Need): Checked => {
    let c = checked.get(request);
    if (c) return c;
    const secret = bearerToken(request);
    try {
      if (!secret) throw new ServiceError("UNAUTHORIZED", "this endpoint needs an API token: Authorization: Bearer rdc_… (rdconsole token create)");
      c = authenticateToken(requestContext(deps, request), secret, need);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      c = e;
    }
    checked.set(request, c);
    return c;
  };
  return new Elysia({ name: "rdconsole/admin-auth" }).macro({
    apiToken: (need: Need) => ({
      // The token before the body, as for the client's routes (auth/macro.ts): no body is read for a caller without one.
      parse: checkThenJson((request) => {
        const c = check(request, need);
        return c instanceof ServiceError ? c : null;
      }, deps.config.server.body_limit),
      transform({ request }) {
        const c = check(request, need);
        if (c instanceof ServiceError) throw c;
      },
      resolve({ request }) {
        const c = check(request, need);
        if (c instanceof ServiceError) throw c;
        return { token: c.token, owner: c.owner, actor: tokenActor(c) };
      },
    }),
  });
};

type Caller = { actor: Actor & { userId: number }; viaToken: boolean } | ServiceError;

/**
 * Paths the client and Pro's scripts share (/api/ab/…): a Bearer API token (rdc_…) acts for its owner with
 * the scope `need`; anything else must be a user login, with exactly the client's `auth` behaviour
 * (401 {"error":"Invalid token"}, the token checked before the body is read). `viaToken` tells them apart.
 */
export const userOrTokenAuth = (deps: CoreDeps) => {
  const checked = new WeakMap<Request, Caller>();
  const check = (request: Request, need: Need): Caller => {
    let c = checked.get(request);
    if (c) return c;
    const secret = bearerToken(request);
    try {
      if (secret && SECRET_SHAPE.test(secret)) c = { actor: tokenActor(authenticateToken(requestContext(deps, request), secret, need)), viaToken: true };
      else {
        const found = secret ? resolveSession(requestContext(deps, request), secret) : null;
        if (!found) throw new ServiceError("UNAUTHORIZED", INVALID_TOKEN);
        c = { actor: { type: "user", name: found.user.name, guid: found.user.guid, userId: found.userId as number, isAdmin: found.user.isAdmin }, viaToken: false };
      }
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      c = e;
    }
    checked.set(request, c);
    return c;
  };
  return new Elysia({ name: "rdconsole/user-or-token-auth" }).macro({
    userOrToken: (need: Need) => ({
      parse: checkThenJson((request) => {
        const c = check(request, need);
        return c instanceof ServiceError ? c : null;
      }, deps.config.server.body_limit),
      transform({ request }) {
        const c = check(request, need);
        if (c instanceof ServiceError) throw c;
      },
      resolve({ request }) {
        const c = check(request, need);
        if (c instanceof ServiceError) throw c;
        return { actor: c.actor, viaToken: c.viaToken };
      },
    }),
  });
};
