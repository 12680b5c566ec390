// Per-process device machinery: presence (flushed in batches), heartbeat statements, registration limits.
import type { Database } from "bun:sqlite";
import { banChecker } from "../bans/service.ts";
import type { Config } from "../config/schema.ts";
import { Heartbeats } from "./heartbeat.ts";
import { Presence } from "./presence.ts";
import { RegistrationGuard } from "./registry.ts";

export interface DeviceRuntime {
  readonly presence: Presence;
  readonly heartbeats: Heartbeats;
  readonly guard: RegistrationGuard;
}

export function createDeviceRuntime(config: Config, sqlite: Database): DeviceRuntime {
  const presence = new Presence(sqlite);
  const guard = new RegistrationGuard(config.devices.registrations_per_ip_per_hour);
  const heartbeats = new Heartbeats(sqlite, presence, banChecker(sqlite, Date.now), guard);
  return { presence, heartbeats, guard };
}
