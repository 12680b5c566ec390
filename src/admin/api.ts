// The admin HTTP API composed once: rdconsole's own /api/admin routes, then RustDesk Server Pro's. Its type is
// erased to AnyElysia on purpose: the full chain of route types is too deep for the type checker in app.ts.
import { Elysia, type AnyElysia } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import type { DeviceRuntime } from "../devices/runtime.ts";
import type { AuthRuntime } from "../auth/runtime.ts";
import type { SsoRuntime } from "../sso/flow.ts";
import type { StatusSources } from "../status/status.ts";
import type { LiveConfig } from "../config/live.ts";
import type { EventHub } from "../events/hub.ts";
import { adminAddressBookRoutes } from "./address-books.ts";
import { adminAuditRoutes } from "./audit.ts";
import { adminBackupRoutes } from "./backups.ts";
import { adminBanRoutes } from "./bans.ts";
import { adminClientConfigRoutes } from "./client-config.ts";
import { adminDashboardRoutes } from "./dashboard.ts";
import { adminDoctorRoutes } from "./doctor.ts";
import { adminDeviceGroupRoutes } from "./device-groups.ts";
import { adminDeviceInfoRoutes } from "./device-info.ts";
import { adminDeviceRoutes } from "./devices.ts";
import { adminEventRoutes } from "./events.ts";
import { adminGroupRoutes } from "./groups.ts";
import { adminLockoutRoutes } from "./lockouts.ts";
import { adminLogRoutes } from "./log.ts";
import { adminMeRoutes } from "./me.ts";
import { adminNotificationRoutes } from "./notifications.ts";
import { adminProfileRoutes } from "./profile.ts";
import { adminRecordingRoutes } from "./recordings.ts";
import { adminSessionRoutes } from "./sessions.ts";
import { adminSettingsRoutes } from "./settings.ts";
import { adminSignInRoutes } from "./signin.ts";
import { adminSignInSsoRoutes } from "./signin-sso.ts";
import { adminStatusRoutes } from "./status.ts";
import { adminStrategyRoutes } from "./strategies.ts";
import { adminSystemTestRoutes } from "./system-tests.ts";
import { adminTokenRoutes } from "./tokens.ts";
import { adminUserEnrolRoutes } from "./user-enrol.ts";
import { adminUserRoutes } from "./users.ts";
import { invitePageRoutes } from "./pro/invite-page.ts";
import { proAddressBookRoutes } from "./pro/ab.ts";
import { proAuditRoutes } from "./pro/audits.ts";
import { proDeviceGroupRoutes } from "./pro/device-groups.ts";
import { proDeviceRoutes } from "./pro/devices.ts";
import { proStrategyRoutes } from "./pro/strategies.ts";
import { proUserGroupRoutes } from "./pro/user-groups.ts";
import { proUserRoutes } from "./pro/users.ts";

export interface AdminApiParts {
  devices: DeviceRuntime;
  auth: AuthRuntime;
  sso: SsoRuntime;
  sources: StatusSources;
  live: LiveConfig;
  events: EventHub;
}

export function adminApi(deps: CoreDeps, { devices, auth, sso, sources, live, events }: AdminApiParts): AnyElysia {
  const mailer = auth.mailer;
  return new Elysia({ name: "rdconsole/admin-api" })
    .use(adminSignInRoutes(deps, auth))
    .use(adminSignInSsoRoutes(deps, sso))
    .use(adminProfileRoutes(deps, auth))
    .use(adminMeRoutes(deps))
    .use(adminClientConfigRoutes(deps))
    .use(adminTokenRoutes(deps))
    .use(adminBanRoutes(deps))
    .use(adminStrategyRoutes(deps))
    .use(adminUserRoutes(deps))
    .use(adminGroupRoutes(deps))
    .use(adminDeviceRoutes(deps, devices))
    .use(adminDeviceInfoRoutes(deps, devices))
    .use(adminSessionRoutes(deps, devices))
    .use(adminDeviceGroupRoutes(deps))
    .use(adminAuditRoutes(deps))
    .use(adminBackupRoutes(deps))
    .use(adminEventRoutes(deps, events))
    .use(adminLogRoutes(deps))
    .use(adminDashboardRoutes(deps, sources))
    .use(adminStatusRoutes(deps, sources))
    .use(adminSettingsRoutes(deps, live))
    .use(adminNotificationRoutes(deps, live, mailer))
    .use(adminAddressBookRoutes(deps))
    .use(adminRecordingRoutes(deps))
    .use(adminLockoutRoutes(deps))
    .use(adminUserEnrolRoutes(deps))
    .use(adminSystemTestRoutes(deps))
    .use(adminDoctorRoutes(deps))
    .use(proDeviceRoutes(deps))
    .use(proDeviceGroupRoutes(deps))
    .use(proStrategyRoutes(deps))
    .use(proAuditRoutes(deps))
    // The client's address-book mutations are registered there too, dispatching on the token.
    .use(proAddressBookRoutes(deps))
    // GET /api/users (client group view and Pro's admin list) is registered there, dispatching on the token.
    .use(proUserRoutes(deps, mailer))
    .use(proUserGroupRoutes(deps))
    .use(invitePageRoutes(deps));
}
