// What the HTTP app needs from the process that runs it.
import type { AuthRuntime } from "./auth/runtime.ts";
import type { LiveConfig } from "./config/live.ts";
import type { CoreDeps } from "./core/deps.ts";
import type { DeviceRuntime } from "./devices/runtime.ts";
import type { SsoRuntime } from "./sso/flow.ts";

export interface AppDeps extends CoreDeps {
  /** Lockout counters and mailer; created from config when omitted. */
  readonly auth?: AuthRuntime;
  /** Presence and heartbeat machinery; created from config when omitted (the server passes its own to flush it). */
  readonly devices?: DeviceRuntime;
  /** SSO providers and logins in progress; created from config when omitted. */
  readonly sso?: SsoRuntime;
  /** The config with its console settings, live (src/config/live.ts); opened over `config` when omitted. */
  readonly live?: LiveConfig;
}
