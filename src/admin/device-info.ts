// GET /api/admin/devices/{id}/info: a device's information in sections, after MeshCentral's deviceinfo
// (src/devices/info.ts says where the shape differs and why). Area devices, read.
import { Elysia, t } from "elysia";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { deviceInfo } from "../devices/info.ts";
import { writeChangedPresence, type DeviceRuntime } from "../devices/runtime.ts";
import { requestContext } from "../http/context.ts";
import { explainDevice } from "../strategies/explain.ts";
import { adminAuth } from "./token-auth.ts";

const Problem = t.Object({ error: t.String(), code: t.String() });
const Scalar = t.Union([t.String(), t.Number(), t.Boolean(), t.Null()]);
const Section = t.Object({
  name: t.UnionEnum(["General", "Operating System", "RustDesk", "Hardware", "Networking", "Sessions"]),
  fields: t.Record(t.String(), t.Union([Scalar, t.Array(t.Record(t.String(), Scalar))]), { description: "snake_case keys; times ISO 8601; unknown values null" }),
});

export function adminDeviceInfoRoutes(deps: CoreDeps, devices: DeviceRuntime) {
  const ctxOf = (request: Request, actor: Actor) => {
    writeChangedPresence(devices, deps.now(), deps.log); // the live sessions and last IP as of the latest beat (src/admin/sessions.ts)
    return requestContext(deps, request, actor);
  };
  return new Elysia({ name: "rdconsole/admin-device-info", detail: { tags: ["admin: devices"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/devices/:id/info",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        return deviceInfo(ctx, params.id, explainDevice(ctx, params.id));
      },
      {
        apiToken: { area: "devices", write: false },
        params: t.Object({ id: t.String({ minLength: 1, maxLength: 100, description: "RustDesk ID" }) }),
        response: { 200: t.Object({ id: t.String(), sections: t.Array(Section) }), 401: Problem, 403: Problem, 404: Problem },
        detail: { summary: "A device's information in sections — General, Operating System, RustDesk, Hardware, Networking, Sessions (MeshCentral's deviceinfo); needs devices:r" },
      },
    );
}
