// rdconsole's own admin API for IP bans — what `rdconsole ban …` does: list, add, remove. Bans guard every
// endpoint, so they need the admin scope itself (admin:r to list, admin:rw to change). A ban is removed by its
// number or guid (as `ban remove`), never by its CIDR: a range's "/" has no safe place in a path.
import { Elysia, t } from "elysia";
import { addBan, listBans, removeBan } from "../bans/service.ts";
import { banJson } from "../bans/json.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { lifetime, LIFETIME_SYNTAX } from "./lifetime.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const WRITE = { area: "admin" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const BanOut = t.Object({
  id: t.Integer(),
  guid: t.String(),
  cidr: t.String({ description: "an address or a CIDR range, as stored (e.g. 203.0.113.0/24)" }),
  comment: t.String(),
  created_by: t.String({ description: "who added it: a user, token:<name>, or the lockout" }),
  created_at: t.String({ format: "date-time" }),
  expires_at: t.Nullable(t.String({ format: "date-time" })),
});
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function adminBanRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/admin-bans", detail: { tags: ["admin: bans"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/bans",
      ({ request, actor, query }) => {
        const data = listBans(requestContext(deps, request, actor), query.all === true).map(banJson);
        return { total: data.length, data };
      },
      {
        apiToken: READ,
        query: t.Object({ all: t.Optional(t.Boolean({ error: "all: true or false", description: "true: expired bans too" })) }),
        response: { 200: t.Object({ total: t.Integer(), data: t.Array(BanOut) }), ...errors },
        detail: { summary: "Active IP bans (all=true: expired ones too); needs admin:r" },
      },
    )
    .post(
      "/api/admin/bans",
      ({ request, actor, body, set }) => {
        const ctx = requestContext(deps, request, actor);
        // The CLI's word (`ban add <address>`) or the stored field's; one of them.
        const cidr = body.address ?? body.cidr;
        if (cidr === undefined || (body.address !== undefined && body.cidr !== undefined)) throw invalid("give the IP address or CIDR range as address (or cidr), once");
        const ms = lifetime("expires", body.expires);
        const ban = addBan(ctx, { cidr, expiresAt: ms === null ? null : ctx.now() + ms, comment: body.comment });
        set.status = 201;
        return banJson(ban);
      },
      {
        apiToken: WRITE,
        body: t.Object(
          {
            address: t.Optional(t.String({ minLength: 1, maxLength: 64, description: "an IP address or CIDR range, e.g. 203.0.113.7 or 2001:db8::/32 (as `ban add <address>`)" })),
            cidr: t.Optional(t.String({ minLength: 1, maxLength: 64, description: "the same as address (the name it is listed under); give one of the two" })),
            expires: t.Optional(t.String({ maxLength: 20, description: `lifetime: ${LIFETIME_SYNTAX} (default never)` })),
            comment: t.Optional(t.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: BanOut, ...errors },
        detail: { summary: "Ban an IP address or CIDR range (refused on every endpoint); needs admin:rw" },
      },
    )
    .delete("/api/admin/bans/:id", ({ request, actor, params }) => banJson(removeBan(requestContext(deps, request, actor), params.id)), {
      apiToken: WRITE,
      params: t.Object({ id: t.String({ minLength: 1, maxLength: 64, description: "the ban's id or guid (from GET /api/admin/bans), not its CIDR" }) }),
      response: { 200: BanOut, ...errors },
      detail: { summary: "Lift a ban by its id or guid; answers the ban lifted; needs admin:rw" },
    });
}
