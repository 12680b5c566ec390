// rdconsole's own lockout routes (/api/admin/lockouts…): what `rdconsole lockout list|clear` do, over the same
// services. A lockout is lifted by what `lockout clear` takes: an IP address (or an IPv6 /64 as listed) or a user
// name; both kinds go for a name that is also an address. Area users: users:r to list, users:rw to lift.
import { Elysia, t } from "elysia";
import { clearLockout, listLockouts, type LockoutEntry } from "../auth/lockout-store.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "users" as const, write: false };
const WRITE = { area: "users" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const LockoutOut = t.Object({
  kind: t.UnionEnum(["ip", "account"]),
  subject: t.String({ description: "the IP address (an IPv6 /64 as a prefix) or the account's name in lower case" }),
  locked_at: t.String({ format: "date-time" }),
  locked_until: t.String({ format: "date-time" }),
});
const Target = t.String({ minLength: 1, maxLength: 200, description: "an IP address, an IPv6 /64 as listed, or a user name" });

/** The CLI's --json shape. */
const json = (e: LockoutEntry) => ({ kind: e.kind, subject: e.subject, locked_at: new Date(e.lockedAt).toISOString(), locked_until: new Date(e.lockedUntil).toISOString() });

export function adminLockoutRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  const lift = (request: Request, actor: Actor, target: string) => ({ cleared: clearLockout(ctxOf(request, actor), target).map(json) });
  const Cleared = t.Object({ cleared: t.Array(LockoutOut, { description: "the lockouts lifted (an IP and an account when the name was both)" }) });
  return new Elysia({ name: "rdconsole/admin-lockouts", detail: { tags: ["admin: users"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/lockouts",
      ({ request, actor }) => {
        const data = listLockouts(ctxOf(request, actor)).map(json);
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(LockoutOut) }), ...errors }, detail: { summary: "Login lockouts in force, oldest first (lockout list); needs users:r" } },
    )
    .delete("/api/admin/lockouts/:target", ({ request, actor, params }) => lift(request, actor, params.target), {
      apiToken: WRITE,
      params: t.Object({ target: Target }),
      response: { 200: Cleared, ...errors },
      detail: { summary: "Lift a lockout at once (lockout clear); a running server honours it at the next attempt; 404 when none is in force; needs users:rw" },
    })
    // An IPv6 /64 has a slash, which a path segment cannot carry everywhere: the body names it instead.
    .delete("/api/admin/lockouts", ({ request, actor, body }) => lift(request, actor, body.target), {
      apiToken: WRITE,
      body: t.Object({ target: Target }, { additionalProperties: false }),
      response: { 200: Cleared, ...errors },
      detail: { summary: "Lift a lockout named in the body, {target} (lockout clear), e.g. an IPv6 /64; needs users:rw" },
    });
}
