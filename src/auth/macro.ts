// The `auth` macro every authenticated client endpoint uses: a Bearer access token that is
// still valid, of a user who is still enabled. 401 means exactly "log in again"
// (client: flutter/lib/models/user_model.dart:85-87 (rustdesk@7423dced) clears the login on 401).
import { Elysia } from "elysia";
import { resolveSession } from "./sessions.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";

export const INVALID_TOKEN = "Invalid token";

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

export const authMacro = (deps: CoreDeps) =>
  new Elysia({ name: "rdconsole/auth-macro" }).macro({
    auth: {
      resolve({ request, status }) {
        const token = bearerToken(request);
        const found = token ? resolveSession(requestContext(deps, request), token) : null;
        if (!found) return status(401, { error: INVALID_TOKEN });
        const actor = { type: "user" as const, name: found.user.name, guid: found.user.guid, userId: found.userId as number, isAdmin: found.user.isAdmin };
        return { session: found.session, user: found.user, actor };
      },
    },
  });
