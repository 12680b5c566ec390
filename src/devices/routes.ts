// Device endpoints (unauthenticated: the client sends id + uuid and no token, client: src/hbbs_http/sync.rs:235-244 (rustdesk@7423dced))
// and the logged-in user's group view (client: flutter/lib/models/group_model.dart:105-254 (rustdesk@7423dced)).
import { Elysia, t } from "elysia";
import { pageOf } from "../core/page.ts";
import type { CoreDeps } from "../core/deps.ts";
import { authMacro } from "../auth/macro.ts";
import { requestContext } from "../http/context.ts";
import { VERSION } from "../core/version.ts";
import { ignoreBody, jsonParse } from "../http/json-hook.ts";
import { respondHeartbeat } from "./heartbeat-route.ts";
import { HeartbeatReply, PeerRow, Problem, SysinfoBody } from "./model.ts";
import { reportSysinfo } from "./registry.ts";
import type { DeviceRuntime } from "./runtime.ts";
import { groupViewDeviceGroups, groupViewPeers } from "./visibility.ts";

const text = (body: string) => new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
const BOOT = `${VERSION}-${Date.now()}`;

const REFUSED = { NOT_REGISTERED: "registrations_refused_closed", TRY_LATER: "registrations_refused_rate", DEVICE_LIMIT: "registrations_refused_limit" } as const;
const countRefusal = <T extends string>(rt: DeviceRuntime, outcome: T): T => {
  const counter = REFUSED[outcome as keyof typeof REFUSED];
  if (counter) rt.counters[counter]++;
  return outcome;
};

export function deviceRoutes(deps: CoreDeps, rt: DeviceRuntime) {
  return new Elysia({ name: "rdconsole/devices" })
    .use(authMacro(deps))
    .post(
      "/api/sysinfo",
      // client: src/hbbs_http/sync.rs:212 (rustdesk@7423dced) compares the body with "SYSINFO_UPDATED" byte for byte.
      ({ request, body }) => text(countRefusal(rt, reportSysinfo(requestContext(deps, request), rt, body as Record<string, unknown>))),
      {
        body: SysinfoBody,
        parse: jsonParse(() => deps.config.server.body_limit),
        detail: {
          tags: ["device"],
          summary: "System info upload (registers a new device)",
          description: "text/plain: SYSINFO_UPDATED on success; UUID_MISMATCH, NOT_REGISTERED, TRY_LATER or DEVICE_LIMIT when refused (the client retries those after 120 s).",
        },
      },
    )
    // Served by a native route in production (heartbeat-route.ts); this one documents it and serves app.handle().
    .post("/api/heartbeat", ({ request, body }) => respondHeartbeat(deps, rt, request, body), {
      parse: jsonParse(() => deps.config.server.body_limit),
      response: { 200: HeartbeatReply, 400: Problem },
      detail: {
        tags: ["device"],
        summary: "Heartbeat",
        description: "Body {id, uuid, modified_at, ver, conns?: int[]}. Reply: sysinfo (upload it again), disconnect (connection ids to close), strategy + modified_at (client settings, sent while the device's modified_at differs from their stamp).",
      },
    })
    // Pre-2025 clients only (now public servers only: client: src/hbbs_http/sync.rs:181-207 (rustdesk@7423dced)); a value that changes
    // at every server start makes them upload again.
    .post("/api/sysinfo_ver", () => text(BOOT), { parse: ignoreBody, detail: { tags: ["device"], summary: "System info version (old clients)" } })
    // GET /api/users (the group view's users) is registered in src/admin/pro/users.ts: the same path is Pro's admin
    // list for an API token, and Elysia registers a path once; a user login still gets groupViewUsers (visibility.ts).
    .get("/api/peers", ({ request, actor, query }) => groupViewPeers(requestContext(deps, request, actor), pageOf(query, 100), query.status === "1"), {
      auth: true,
      response: { 200: t.Object({ total: t.Integer(), data: t.Array(PeerRow) }), 401: Problem },
      detail: { tags: ["client: group view"], summary: "Devices the caller may see", description: "current, pageSize; status=1: enabled devices only." },
    })
    .get("/api/device-group/accessible", ({ request, actor, query }) => groupViewDeviceGroups(requestContext(deps, request, actor), pageOf(query, 100)), {
      auth: true,
      response: { 200: t.Object({ total: t.Integer(), data: t.Array(t.Object({ name: t.String() })) }), 401: Problem },
      detail: { tags: ["client: group view"], summary: "Device groups the caller may see" },
    });
}
