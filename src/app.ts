// Composes the feature plugins in one explicit list. No listen() here: tests call app.handle().
import { Elysia } from "elysia";
import { addressBookRoutes } from "./addressbook/routes.ts";
import { auditIntake, auditRoutes, nativeAuditRoutes } from "./audit/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { createAuthRuntime } from "./auth/runtime.ts";
import { banChecker } from "./bans/service.ts";
import type { AppDeps } from "./deps.ts";
import { deviceRoutes } from "./devices/routes.ts";
import { createDeviceRuntime } from "./devices/runtime.ts";
import { adminBackupRoutes } from "./admin/backups.ts";
import { adminBanRoutes } from "./admin/bans.ts";
import { adminClientConfigRoutes } from "./admin/client-config.ts";
import { adminAuditRoutes } from "./admin/audit.ts";
import { adminDeviceRoutes } from "./admin/devices.ts";
import { adminDeviceGroupRoutes } from "./admin/device-groups.ts";
import { adminTokenRoutes } from "./admin/tokens.ts";
import { adminStrategyRoutes } from "./admin/strategies.ts";
import { adminUserRoutes } from "./admin/users.ts";
import { adminGroupRoutes } from "./admin/groups.ts";
import { proAddressBookRoutes } from "./admin/pro/ab.ts";
import { proAuditRoutes } from "./admin/pro/audits.ts";
import { proDeviceGroupRoutes } from "./admin/pro/device-groups.ts";
import { proDeviceRoutes } from "./admin/pro/devices.ts";
import { proStrategyRoutes } from "./admin/pro/strategies.ts";
import { invitePageRoutes } from "./admin/pro/invite-page.ts";
import { proUserGroupRoutes } from "./admin/pro/user-groups.ts";
import { proUserRoutes } from "./admin/pro/users.ts";
import { deviceHooks } from "./provisioning/hooks.ts";
import { provisioningRoutes } from "./provisioning/routes.ts";
import { docsRoutes } from "./docs/routes.ts";
import { nativeHeartbeat } from "./devices/heartbeat-route.ts";
import { accessLog } from "./http/access-log.ts";
import { BUN_BODY_CEILING } from "./http/body-limit.ts";
import { createGate } from "./http/gate.ts";
import { errorHandler } from "./http/errors.ts";
import { methodIndex } from "./http/methods.ts";
import { nativeRoutes } from "./http/native.ts";
import { pipeline } from "./http/pipeline.ts";
import { recordingUploads } from "./recordings/route.ts";
import { recordingRoutes } from "./recordings/routes.ts";
import { createSsoRuntime } from "./sso/flow.ts";
import { ssoRoutes } from "./sso/routes.ts";
import { systemRoutes } from "./system/routes.ts";

export type { AppDeps } from "./deps.ts";

export function createApp(deps: AppDeps) {
  const { config, log } = deps;
  const auth = deps.auth ?? createAuthRuntime(config);
  const devices = deps.devices ?? createDeviceRuntime(config, deps.sqlite, deviceHooks(deps.sqlite));
  const gate = createGate(config, banChecker(deps.sqlite, deps.now));
  const access = accessLog(config, log);
  const heartbeat = nativeHeartbeat(deps, devices, gate, access);
  const native = nativeRoutes(config, log, gate, access);
  const uploads = recordingUploads(deps, devices);
  const intake = auditIntake(deps, devices);
  const sso = deps.sso ?? createSsoRuntime(config, deps.now);
  const methods = methodIndex(() => app.routes);
  // normalize: false: wrong types are rejected, not coerced (src/http/schema.ts).
  // serve.routes: native routes for the device endpoints (heartbeat, record, audit posts) answer before
  // Elysia's router; each URL is also registered in its feature's Elysia routes, for the docs and app.handle().
  const app = new Elysia({
    name: "rdconsole",
    normalize: false,
    serve: { maxRequestBodySize: Math.max(config.server.body_limit, BUN_BODY_CEILING), routes: { "/api/heartbeat": { POST: heartbeat }, "/api/record": { POST: uploads.nativeRoute(native) }, ...nativeAuditRoutes(deps, intake, native) } },
  })
    .use(pipeline(config, log, gate))
    .use(errorHandler(log, methods))
    .use(docsRoutes(config.openapi.enabled))
    .use(systemRoutes(config, deps.sqlite))
    .use(authRoutes(deps, auth))
    .use(ssoRoutes(deps, sso))
    .use(addressBookRoutes(deps))
    .use(deviceRoutes(deps, devices))
    .use(provisioningRoutes(deps))
    .use(adminClientConfigRoutes(deps))
    .use(adminTokenRoutes(deps))
    .use(adminBanRoutes(deps))
    .use(adminStrategyRoutes(deps))
    .use(adminUserRoutes(deps))
    .use(adminGroupRoutes(deps))
    .use(adminDeviceRoutes(deps))
    .use(adminDeviceGroupRoutes(deps))
    .use(adminAuditRoutes(deps))
    .use(adminBackupRoutes(deps))
    .use(proDeviceRoutes(deps))
    .use(proDeviceGroupRoutes(deps))
    .use(proStrategyRoutes(deps))
    .use(proAuditRoutes(deps))
    // The client's address-book mutations are registered there too, dispatching on the token.
    .use(proAddressBookRoutes(deps))
    // GET /api/users (client group view and Pro's admin list) is registered there, dispatching on the token.
    .use(proUserRoutes(deps, auth.mailer))
    .use(proUserGroupRoutes(deps))
    .use(invitePageRoutes(deps))
    .use(auditRoutes(deps, intake))
    .use(recordingRoutes(deps, uploads));
  return app;
}

export type App = ReturnType<typeof createApp>;
