// RustDesk Server Pro's device routes (pro-admin-api §5, route table #15-#19), as res/devices.py drives
// them: the list with its filters, disable, enable, delete (only a disabled device) and assign.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../../core/deps.ts";
import { pageOf } from "../../core/page.ts";
import { deleteDisabledDevice, listProDevices, requireDeviceByGuid, type ProDevice } from "../../devices/pro-list.ts";
import { disableDevice, enableDevice } from "../../devices/service.ts";
import { requestContext } from "../../http/context.ts";
import { ASSIGN_TYPES, assignToDevice } from "../../provisioning/assign.ts";
import { adminAuth } from "../token-auth.ts";
import { naiveUtc } from "./list.ts";
import { filterOf, ok, type Query } from "./shared.ts";

const READ = { area: "devices" as const, write: false };
const WRITE = { area: "devices" as const, write: true };

/** A device row (pro-admin-api §2.3). */
export const proDevice = (d: ProDevice) => ({
  guid: d.guid,
  id: d.id,
  status: d.enabled ? 1 : 0,
  is_online: d.online,
  // client: res/devices.py:58-60 (rustdesk@7423dced) parses it as naive "%Y-%m-%dT%H:%M:%S" after cutting at ".": never null.
  last_online: naiveUtc(d.lastOnline),
  user_name: d.userName,
  user_guid: d.userGuid,
  group_name: d.groupName,
  device_group_name: d.deviceGroupName,
  strategy_name: d.strategyName,
  note: d.note,
  info: { ...d.sysinfo, device_name: d.deviceName, username: d.deviceUsername },
  created_at: naiveUtc(d.createdAt),
});

export function proDeviceRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/pro-devices", detail: { tags: ["admin: pro"] } })
    .use(adminAuth(deps))
    .get(
      "/api/devices",
      ({ request, actor, query }) => {
        const q = query as Query;
        const status = filterOf(q, "status");
        // client: res/devices.py:28-33 (rustdesk@7423dced) wraps each filter in %…% unless it is "-" or has a %.
        const { total, data } = listProDevices(
          requestContext(deps, request, actor),
          {
            id: filterOf(q, "id"),
            deviceName: filterOf(q, "device_name"),
            userName: filterOf(q, "user_name"),
            groupName: filterOf(q, "group_name"),
            deviceGroupName: filterOf(q, "device_group_name"),
            deviceUsername: filterOf(q, "device_username"),
            enabled: status === "1" ? true : status === "0" ? false : undefined,
          },
          pageOf(q, 10),
        );
        return { total, data: data.map(proDevice) };
      },
      {
        apiToken: READ,
        detail: {
          summary: "Devices (Pro): {total, data}",
          description: "Filters (SQL LIKE, case-insensitive; - = unassigned): id, device_name, user_name, group_name (the owner's user group), device_group_name, device_username; status 1/0; current, pageSize.",
        },
      },
    )
    .post(
      "/api/devices/:guid/disable",
      ({ request, actor, params }) => {
        const ctx = requestContext(deps, request, actor);
        disableDevice(ctx, requireDeviceByGuid(ctx, params.guid).rdId);
        return ok();
      },
      { apiToken: WRITE, detail: { summary: "Disable a device (Pro)" } },
    )
    .post(
      "/api/devices/:guid/enable",
      ({ request, actor, params }) => {
        const ctx = requestContext(deps, request, actor);
        enableDevice(ctx, requireDeviceByGuid(ctx, params.guid).rdId);
        return ok();
      },
      { apiToken: WRITE, detail: { summary: "Enable a device (Pro)" } },
    )
    .delete(
      "/api/devices/:guid",
      ({ request, actor, params }) => {
        deleteDisabledDevice(requestContext(deps, request, actor), params.guid);
        return ok();
      },
      { apiToken: WRITE, detail: { summary: "Delete a disabled device (Pro): an enabled one is refused" } },
    )
    .post(
      "/api/devices/:guid/assign",
      ({ request, actor, params, body }) => {
        assignToDevice(requestContext(deps, request, actor), params.guid, body.type, body.value);
        return ok();
      },
      {
        apiToken: WRITE,
        // client: res/devices.py:121-125 (rustdesk@7423dced) posts {"type", "value"}.
        body: t.Object({ type: t.String({ maxLength: 40 }), value: t.String({ maxLength: 4000 }) }),
        detail: { summary: "Assign one thing to a device (Pro)", description: `type: ${ASSIGN_TYPES.join(", ")}; value "" clears (user, strategy, device group). ab: <book>[,<tag>[,<alias>[,<password>[,<note>]]]].` },
      },
    );
}
