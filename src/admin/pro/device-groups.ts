// RustDesk Server Pro's device-group routes (pro-admin-api §6, route table #20-#25), as res/device-groups.py
// drives them: every call carries Content-Type: application/json, the GETs and the DELETE of a group with
// an empty body; membership takes bare arrays of device IDs, also on DELETE.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../../core/deps.ts";
import { pageOf } from "../../core/page.ts";
import { addDevicesToGroup, createProDeviceGroup, listProDeviceGroups, removeDevicesFromGroup, requireDeviceGroupByGuid, updateProDeviceGroup } from "../../device-groups/pro.ts";
import { deleteDeviceGroup } from "../../device-groups/service.ts";
import { requestContext } from "../../http/context.ts";
import { adminAuth } from "../token-auth.ts";
import { naiveUtc } from "./list.ts";
import { filterOf, ok, type Query } from "./shared.ts";

const READ = { area: "groups" as const, write: false };
const WRITE = { area: "groups" as const, write: true };

const Rule = t.Object({ type: t.Integer(), name: t.String({ maxLength: 200 }) });
const DeviceIds = t.Array(t.String({ maxLength: 64 }), { maxItems: 10_000, error: "expected a JSON array of device IDs" });

export function proDeviceGroupRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/pro-device-groups", detail: { tags: ["admin: pro"] } })
    .use(adminAuth(deps))
    .get(
      "/api/device-groups",
      ({ request, actor, query }) => {
        const { total, data } = listProDeviceGroups(requestContext(deps, request, actor), filterOf(query as Query, "name"), pageOf(query as Query, 10));
        return {
          total,
          data: data.map((g) => ({ guid: g.guid, name: g.name, note: g.note, allowed_incomings: g.allowedIncomings, strategy_name: g.strategyName, device_count: g.deviceCount, created_at: naiveUtc(g.createdAt) })),
        };
      },
      { apiToken: READ, detail: { summary: "Device groups (Pro): {total, data}", description: "name (SQL LIKE, case-insensitive), current, pageSize." } },
    )
    .post(
      "/api/device-groups",
      ({ request, actor, body }) => {
        createProDeviceGroup(requestContext(deps, request, actor), { name: body.name, note: body.note, allowedIncomings: body.allowed_incomings });
        return ok();
      },
      {
        apiToken: WRITE,
        // client: res/device-groups.py:73-81 (rustdesk@7423dced) sends note and allowed_incomings only when given.
        body: t.Object({ name: t.String({ maxLength: 200 }), note: t.Optional(t.String({ maxLength: 2000 })), allowed_incomings: t.Optional(t.Array(Rule, { maxItems: 1000 })) }),
        detail: { summary: "Create a device group (Pro)", description: "allowed_incomings: [{type: 0, name: <user group>} or {type: 2, name: <user>}]; an unknown name refuses the whole request." },
      },
    )
    .patch(
      "/api/device-groups/:guid",
      ({ request, actor, params, body }) => {
        updateProDeviceGroup(requestContext(deps, request, actor), params.guid, { name: body.name, note: body.note, allowedIncomings: body.allowed_incomings });
        return ok();
      },
      {
        apiToken: WRITE,
        // client: res/device-groups.py:91-98 (rustdesk@7423dced) sends only what changes; [] clears the rules.
        body: t.Object({ name: t.Optional(t.String({ maxLength: 200 })), note: t.Optional(t.String({ maxLength: 2000 })), allowed_incomings: t.Optional(t.Array(Rule, { maxItems: 1000 })) }),
        detail: { summary: "Change a device group (Pro): name, note, allowed_incomings" },
      },
    )
    .delete(
      "/api/device-groups/:guid",
      ({ request, actor, params }) => {
        const ctx = requestContext(deps, request, actor);
        deleteDeviceGroup(ctx, requireDeviceGroupByGuid(ctx, params.guid).name);
        return ok();
      },
      { apiToken: WRITE, detail: { summary: "Delete a device group (Pro): its devices become ungrouped" } },
    )
    .post(
      "/api/device-groups/:guid",
      ({ request, actor, params, body }) => {
        addDevicesToGroup(requestContext(deps, request, actor), params.guid, body);
        return ok();
      },
      {
        apiToken: WRITE,
        // client: res/device-groups.py:161-169 (rustdesk@7423dced) posts a bare array of device IDs.
        body: DeviceIds,
        detail: { summary: "Move devices into a device group (Pro): a bare array of device IDs (or guids)" },
      },
    )
    .delete(
      "/api/device-groups/:guid/devices",
      ({ request, actor, params, body }) => {
        removeDevicesFromGroup(requestContext(deps, request, actor), params.guid, body);
        return ok();
      },
      {
        apiToken: WRITE,
        // client: res/device-groups.py:172-180 (rustdesk@7423dced) sends a DELETE with a bare array body.
        body: DeviceIds,
        detail: { summary: "Take devices out of a device group (Pro): a bare array of device IDs" },
      },
    );
}
