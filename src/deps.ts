// What the HTTP app needs from the process that runs it.
import type { Database } from "bun:sqlite";
import type { AuthRuntime } from "./auth/runtime.ts";
import type { Config } from "./config/schema.ts";
import type { DeviceRuntime } from "./devices/runtime.ts";
import type { Db } from "./db/client.ts";
import type { Logger } from "./core/log.ts";
import type { SsoRuntime } from "./sso/flow.ts";

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly sqlite: Database;
  readonly log: Logger;
  readonly now: () => number;
  /** Lockout counters and mailer; created from config when omitted. */
  readonly auth?: AuthRuntime;
  /** Presence and heartbeat machinery; created from config when omitted (the server passes its own to flush it). */
  readonly devices?: DeviceRuntime;
  /** SSO providers and logins in progress; created from config when omitted. */
  readonly sso?: SsoRuntime;
}
