// What the HTTP app needs from the process that runs it.
import type { AuthRuntime } from "./auth/runtime.ts";
import type { LiveConfig } from "./config/live.ts";
import type { CoreDeps } from "./core/deps.ts";
import type { RateMeter } from "./core/counters.ts";
import type { NotifierStats } from "./notify/notifier.ts";
import type { DeviceRuntime } from "./devices/runtime.ts";
import type { EventHub } from "./events/hub.ts";
import type { RequestObserver } from "./http/access-log.ts";
import type { SsoRuntime } from "./sso/flow.ts";

export interface AppDeps extends CoreDeps {
  /** Lockout counters and mailer; created from config when omitted. */
  readonly auth?: AuthRuntime;
  /** Presence and heartbeat machinery; created from config when omitted (the server passes its own to flush it). */
  readonly devices?: DeviceRuntime;
  /** SSO providers and logins in progress; created from config when omitted. */
  readonly sso?: SsoRuntime;
  /** `bun run dev` only: the console served by Bun's dev server with hot reload instead of the built files. */
  readonly consoleDev?: Bun.HTMLBundle;
  /** When the server started (status, uptime); createApp's time when omitted. */
  readonly startedAt?: number;
  /** Heartbeats per second, sampled by the server's jobs; created over the device runtime's counters when omitted. */
  readonly heartbeatRate?: RateMeter;
  /** The notifier's numbers (status); absent where no notifier runs. */
  readonly notifications?: () => NotifierStats;
  /** The config with its console settings, live (src/config/live.ts); opened over `config` when omitted. */
  readonly live?: LiveConfig;
  /** Live event streams (GET /api/admin/events); created when omitted (the server passes its own to close them at shutdown). */
  readonly events?: EventHub;
  /** The request metrics (src/metrics/http.ts), when the metrics listener is on. */
  readonly observeRequest?: RequestObserver;
}
