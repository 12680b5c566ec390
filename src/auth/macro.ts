// The `auth` macro every authenticated client endpoint uses: a Bearer access token that is
// still valid, of a user who is still enabled. 401 means exactly "log in again"
// (client: flutter/lib/models/user_model.dart:85-87 (rustdesk@7423dced) clears the login on 401).
import { Elysia } from "elysia";
import { resolveSession } from "./sessions.ts";
import type { CoreDeps } from "../core/deps.ts";
import { ServiceError } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { checkThenJson } from "../http/json-hook.ts";

export const INVALID_TOKEN = "Invalid token";

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

export const authMacro = (deps: CoreDeps) => {
  // Looked up once per request: by the parse hook (before the body is read), then by resolve.
  const sessions = new WeakMap<Request, ReturnType<typeof resolveSession>>();
  const sessionOf = (request: Request) => {
    if (sessions.has(request)) return sessions.get(request) ?? null;
    const token = bearerToken(request);
    const found = token ? resolveSession(requestContext(deps, request), token) : null;
    sessions.set(request, found);
    return found;
  };
  const refuse = (request: Request) => (sessionOf(request) ? null : new ServiceError("UNAUTHORIZED", INVALID_TOKEN));
  return new Elysia({ name: "rdconsole/auth-macro" }).macro({
    auth: {
      // The token before the body, so a caller without one gets 401 (log in again), never a 400 or
      // 500 about a body it may not send: parse hooks run before validation and resolve; transform
      // catches a chunked body, which the pipeline parses first.
      parse: checkThenJson(refuse, () => deps.config.server.body_limit),
      transform({ request }) {
        const refused = refuse(request);
        if (refused) throw refused;
      },
      resolve({ request, status }) {
        const found = sessionOf(request);
        if (!found) return status(401, { error: INVALID_TOKEN });
        const actor = { type: "user" as const, name: found.user.name, guid: found.user.guid, userId: found.userId as number, isAdmin: found.user.isAdmin };
        return { session: found.session, user: found.user, actor };
      },
    },
  });
};
