// rdconsole's own admin API for user groups — what `rdconsole group …` does: list, show, create, set (access
// lists, the single users who may see the group, and note), delete, add-user, remove-user. Area groups (groups:r to read, groups:rw to change). A user is
// in at most one group: adding it moves it. Each access list given replaces the old one ([] clears it).
import { Elysia, t } from "elysia";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { addUserToGroup, createGroup, deleteGroup, listGroups, removeUserFromGroup, requireGroup, setGroupAccess } from "../groups/service.ts";
import { groupJson } from "../groups/json.ts";
import { showGroup } from "../groups/show.ts";
import { requestContext } from "../http/context.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "groups" as const, write: false };
const WRITE = { area: "groups" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const Names = (what: string) => t.Array(t.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000, description: `${what} names; replaces the old list, [] clears it` });
const GroupOut = t.Object({
  guid: t.String(),
  name: t.String(),
  note: t.String(),
  members: t.Array(t.Object({ name: t.String(), is_admin: t.Boolean(), status: t.Integer({ description: "1 normal, 0 disabled, -1 unverified" }) })),
  can_access_groups: t.Array(t.String(), { description: "user groups the members may see besides their own" }),
  can_access_device_groups: t.Array(t.String(), { description: "device groups the members may see" }),
  accessible_by_groups: t.Array(t.String(), { description: "user groups whose members may see this one" }),
  accessible_by_users: t.Array(t.String(), { description: "single users who may see the members and their devices (Pro's type-2 rules)" }),
  created_at: t.String({ format: "date-time" }),
});
const GroupRowOut = t.Object({ guid: t.String(), name: t.String(), note: t.String(), user_count: t.Integer(), created_at: t.String({ format: "date-time" }) });
const NameParam = t.Object({ name: t.String({ minLength: 1, maxLength: 200, description: "group name (any case)" }) });
const MemberParam = t.Object({ name: t.String({ minLength: 1, maxLength: 200 }), user: t.String({ minLength: 1, maxLength: 200, description: "user name" }) });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export function adminGroupRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  return new Elysia({ name: "rdconsole/admin-groups", detail: { tags: ["admin: groups"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/groups",
      ({ request, actor }) => {
        const data = listGroups(ctxOf(request, actor)).map((g) => ({ guid: g.guid, name: g.name, note: g.note, user_count: g.members, created_at: new Date(g.createdAt).toISOString() }));
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(GroupRowOut) }), ...errors }, detail: { summary: "All user groups, oldest first (group list); needs groups:r" } },
    )
    .post(
      "/api/admin/groups",
      ({ request, actor, body, set }) => {
        const ctx = ctxOf(request, actor);
        const g = createGroup(ctx, { name: body.name, note: body.note });
        set.status = 201;
        return groupJson(showGroup(ctx, g.name));
      },
      {
        apiToken: WRITE,
        body: t.Object({ name: t.String({ minLength: 1, maxLength: 200 }), note: t.Optional(t.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 201: GroupOut, ...errors },
        detail: { summary: "Create a user group (group create); access lists with PATCH; needs groups:rw" },
      },
    )
    .get("/api/admin/groups/:name", ({ request, actor, params }) => groupJson(showGroup(ctxOf(request, actor), params.name)), {
      apiToken: READ,
      params: NameParam,
      response: { 200: GroupOut, ...errors },
      detail: { summary: "A group's members and access lists (group show); needs groups:r" },
    })
    .patch(
      "/api/admin/groups/:name",
      ({ request, actor, params, body }) => {
        if (Object.values(body).every((v) => v === undefined)) throw invalid("nothing to change: give can_access_groups, can_access_device_groups, accessible_by_users or note");
        const ctx = ctxOf(request, actor);
        setGroupAccess(ctx, params.name, { userGroups: body.can_access_groups, deviceGroups: body.can_access_device_groups, accessibleByUsers: body.accessible_by_users, note: body.note });
        return groupJson(showGroup(ctx, params.name));
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object(
          {
            can_access_groups: t.Optional(Names("User group")),
            can_access_device_groups: t.Optional(Names("Device group")),
            accessible_by_users: t.Optional(Names("User")),
            note: t.Optional(t.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: GroupOut, ...errors },
        detail: { summary: "What the members may see besides their own group, which single users may see them, and the note; each list given replaces the old one (group set); needs groups:rw" },
      },
    )
    .delete(
      "/api/admin/groups/:name",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        const name = requireGroup(ctx, params.name).name;
        deleteGroup(ctx, name);
        return { deleted: name };
      },
      {
        apiToken: WRITE,
        params: NameParam,
        response: { 200: t.Object({ deleted: t.String() }), ...errors },
        detail: { summary: 'Delete a user group; its members leave it (group delete); "Default" stays (400); needs groups:rw' },
      },
    )
    .post(
      "/api/admin/groups/:name/users/:user",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        addUserToGroup(ctx, params.name, params.user);
        return groupJson(showGroup(ctx, params.name));
      },
      { apiToken: WRITE, params: MemberParam, response: { 200: GroupOut, ...errors }, detail: { summary: "Put a user in the group, taking it out of its old one (group add-user); needs groups:rw" } },
    )
    .delete(
      "/api/admin/groups/:name/users/:user",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        removeUserFromGroup(ctx, params.name, params.user);
        return groupJson(showGroup(ctx, params.name));
      },
      { apiToken: WRITE, params: MemberParam, response: { 200: GroupOut, ...errors }, detail: { summary: "Take a user out of the group (group remove-user); 404 if it is not in it; needs groups:rw" } },
    );
}
