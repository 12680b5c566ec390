// What the HTTP app needs from the process that runs it.
import type { AuthRuntime } from "./auth/runtime.ts";
import type { CoreDeps } from "./core/deps.ts";
import type { DeviceRuntime } from "./devices/runtime.ts";
import type { EventHub } from "./events/hub.ts";
import type { SsoRuntime } from "./sso/flow.ts";

export interface AppDeps extends CoreDeps {
  /** Lockout counters and mailer; created from config when omitted. */
  readonly auth?: AuthRuntime;
  /** Presence and heartbeat machinery; created from config when omitted (the server passes its own to flush it). */
  readonly devices?: DeviceRuntime;
  /** SSO providers and logins in progress; created from config when omitted. */
  readonly sso?: SsoRuntime;
  /** Live event streams (GET /api/admin/events); created when omitted (the server passes its own to close them at shutdown). */
  readonly events?: EventHub;
}
