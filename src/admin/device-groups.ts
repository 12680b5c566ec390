// rdconsole's own device-group routes (/api/admin/device-groups…): everything `rdconsole device-group …` does
// (list, show, create, rename, set --accessible-by-user, delete) and a note edit, over the same services, with an API
// token of the groups area. A group is named by its name (case-insensitive, as on the CLI).
import { Elysia, t } from "elysia";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { createDeviceGroup, deleteDeviceGroup, listDeviceGroups, requireDeviceGroup, updateDeviceGroup } from "../device-groups/service.ts";
import { requireDeviceGroupByGuid, updateProDeviceGroup } from "../device-groups/pro.ts";
import { showDeviceGroup } from "../device-groups/show.ts";
import { invalid } from "../core/errors.ts";
import { requestContext } from "../http/context.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "groups" as const, write: false };
const WRITE = { area: "groups" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const GroupOut = t.Object({ guid: t.String(), name: t.String(), note: t.String(), device_count: t.Integer(), created_at: t.String({ format: "date-time" }) });
const GroupShow = t.Object({
  guid: t.String(),
  name: t.String(),
  note: t.String(),
  devices: t.Array(t.Object({ id: t.String({ description: "RustDesk ID" }), hostname: t.String(), alias: t.String(), owner: t.Nullable(t.String()), enabled: t.Boolean() })),
  accessible_by_groups: t.Array(t.String(), { description: "user groups whose members may see these devices" }),
  accessible_by_users: t.Array(t.String(), { description: "single users who may see these devices (Pro's type-2 rules)" }),
  created_at: t.String({ format: "date-time" }),
});
const NameParam = t.Object({ name: t.String({ minLength: 1, maxLength: 200, description: "device group name (case-insensitive)" }) });
const NameField = t.String({ minLength: 1, maxLength: 200 });

const show = (ctx: ServiceContext, name: string) => {
  const g = showDeviceGroup(ctx, name);
  return { guid: g.guid, name: g.name, note: g.note, devices: g.devices, accessible_by_groups: g.accessibleBy, accessible_by_users: g.accessibleByUsers, created_at: new Date(g.createdAt).toISOString() };
};

export function adminDeviceGroupRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Parameters<typeof requestContext>[2]) => requestContext(deps, request, actor);
  return new Elysia({ name: "rdconsole/admin-device-groups", detail: { tags: ["admin: device groups"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/device-groups",
      ({ request, actor }) => {
        const data = listDeviceGroups(ctxOf(request, actor)).map((g) => ({ guid: g.guid, name: g.name, note: g.note, device_count: g.devices, created_at: new Date(g.createdAt).toISOString() }));
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(GroupOut) }), ...errors }, detail: { summary: "List device groups; needs groups:r" } },
    )
    .post(
      "/api/admin/device-groups",
      ({ request, actor, body, set }) => {
        const ctx = ctxOf(request, actor);
        const g = createDeviceGroup(ctx, { name: body.name, note: body.note });
        set.status = 201;
        return show(ctx, g.name);
      },
      {
        apiToken: WRITE,
        body: t.Object({ name: NameField, note: t.Optional(t.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 201: GroupShow, ...errors },
        detail: { summary: "Create a device group (409 when the name is taken); needs groups:rw" },
      },
    )
    .get("/api/admin/device-groups/:name", ({ request, actor, params }) => show(ctxOf(request, actor), params.name), {
      apiToken: READ,
      params: NameParam,
      response: { 200: GroupShow, ...errors },
      detail: { summary: "Show a device group: its devices and the user groups that may access it; needs groups:r" },
    })
    .patch(
      "/api/admin/device-groups/:name",
      ({ request, actor, params, body }) => {
        if (body.name === undefined && body.note === undefined && body.accessible_by_users === undefined) throw invalid("nothing to change: give name, note or accessible_by_users");
        const ctx = ctxOf(request, actor);
        const guid = requireDeviceGroup(ctx, params.name).guid;
        withTransaction(ctx, (tx) => {
          if (body.name !== undefined || body.note !== undefined) updateProDeviceGroup(tx, guid, { name: body.name, note: body.note });
          if (body.accessible_by_users !== undefined) updateDeviceGroup(tx, requireDeviceGroupByGuid(tx, guid).name, { accessibleByUsers: body.accessible_by_users });
        });
        return show(ctx, requireDeviceGroupByGuid(ctx, guid).name);
      },
      {
        apiToken: WRITE,
        params: NameParam,
        body: t.Object(
          {
            name: t.Optional(t.String({ minLength: 1, maxLength: 200, description: "the new name (device-group rename)" })),
            note: t.Optional(t.String({ maxLength: 2000, description: '"" clears it' })),
            accessible_by_users: t.Optional(
              t.Array(t.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000, description: "User names who may see these devices; replaces the old list, [] clears it" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: GroupShow, ...errors },
        detail: { summary: "Rename a device group (device-group rename), change its note and/or set the single users who may see its devices (device-group set); only the fields given change, all or nothing; needs groups:rw" },
      },
    )
    .delete(
      "/api/admin/device-groups/:name",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        const g = show(ctx, params.name);
        deleteDeviceGroup(ctx, params.name);
        return g;
      },
      { apiToken: WRITE, params: NameParam, response: { 200: GroupShow, ...errors }, detail: { summary: "Delete a device group (its devices stay, ungrouped); answers the group deleted; needs groups:rw" } },
    );
}
