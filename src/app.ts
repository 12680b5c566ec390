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
import { adminApi } from "./admin/api.ts";
import { RateMeter } from "./core/counters.ts";
import { statusRoutes } from "./status/routes.ts";
import type { StatusSources } from "./status/status.ts";
import { openLiveConfig } from "./settings/store.ts";
import { createEventHub } from "./events/hub.ts";
import { logRingOf } from "./core/log.ts";
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
import { consoleRoutes } from "./system/console.ts";
import { systemRoutes } from "./system/routes.ts";

export type { AppDeps } from "./deps.ts";

export function createApp(given: AppDeps) {
  const live = given.live ?? openLiveConfig({ config: given.config, file: null, sources: {} }, given.sqlite, given.log);
  // Every feature gets the live view: a setting changed at runtime reaches each reader.
  const deps: AppDeps = { ...given, config: live.config };
  const { config, log } = deps;
  const auth = deps.auth ?? createAuthRuntime(config);
  const devices = deps.devices ?? createDeviceRuntime(config, deps.sqlite, deviceHooks(deps.sqlite));
  const gate = createGate(config, banChecker(deps.sqlite, deps.now));
  // The heartbeat's native route logs without the request metrics: it is counted by its own counters
  // (rdconsole_heartbeats_total), so the busiest path pays no histogram (src/metrics/http.ts).
  const heartbeat = nativeHeartbeat(deps, devices, gate, accessLog(config, log));
  const native = nativeRoutes(config, log, gate, accessLog(config, log, deps.observeRequest));
  const uploads = recordingUploads(deps, devices);
  const intake = auditIntake(deps, devices);
  const sso = deps.sso ?? createSsoRuntime(config, deps.now);
  const sources: StatusSources = {
    counters: devices.counters,
    heartbeatRate: deps.heartbeatRate ?? new RateMeter(() => devices.counters.heartbeats),
    startedAt: deps.startedAt ?? deps.now(),
    notifications: deps.notifications,
  };
  const events = deps.events ?? createEventHub(deps.sqlite, logRingOf(log));
  const methods = methodIndex(() => app.routes);
  // normalize: false: wrong types are rejected, not coerced (src/http/schema.ts).
  // serve.routes: native routes for the device endpoints (heartbeat, record, audit posts) answer before
  // Elysia's router; each URL is also registered in its feature's Elysia routes, for the docs and app.handle().
  const app = new Elysia({
    name: "rdconsole",
    normalize: false,
    serve: { maxRequestBodySize: Math.max(config.server.body_limit, BUN_BODY_CEILING), routes: { ...(deps.consoleDev ? { "/console/": deps.consoleDev, "/console/*": deps.consoleDev } : {}), "/api/heartbeat": { POST: heartbeat }, "/api/record": { POST: uploads.nativeRoute(native) }, ...nativeAuditRoutes(deps, intake, native) } },
  })
    .use(pipeline(config, log, gate, deps.observeRequest))
    .use(errorHandler(log, methods))
    .use(docsRoutes(config.openapi.enabled))
    .use(systemRoutes(deps.sqlite, config))
    .use(consoleRoutes())
    .use(statusRoutes(config))
    .use(authRoutes(deps, auth))
    .use(ssoRoutes(deps, sso))
    .use(addressBookRoutes(deps))
    .use(deviceRoutes(deps, devices))
    .use(provisioningRoutes(deps))
    .use(adminApi(deps, { devices, auth, sso, sources, live, events }))
    .use(auditRoutes(deps, intake))
    .use(recordingRoutes(deps, uploads));
  return app;
}

export type App = ReturnType<typeof createApp>;
