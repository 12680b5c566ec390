// Per-process device machinery: presence (flushed in batches), known devices in memory, heartbeat
// statements, registration limits.
import type { Database } from "bun:sqlite";
import type { Config } from "../config/schema.ts";
import { Heartbeats } from "./heartbeat.ts";
import { KnownDevices } from "./known.ts";
import { Presence } from "./presence.ts";
import { RegistrationGuard } from "./registry.ts";

export interface DeviceRuntime {
  readonly presence: Presence;
  readonly known: KnownDevices;
  readonly heartbeats: Heartbeats;
  readonly guard: RegistrationGuard;
}

export function createDeviceRuntime(config: Config, sqlite: Database): DeviceRuntime {
  const presence = new Presence(sqlite);
  const known = new KnownDevices(sqlite);
  const guard = new RegistrationGuard(config.devices.registrations_per_ip_per_hour, config.devices.registrations_per_minute);
  const heartbeats = new Heartbeats(sqlite, presence, known, guard);
  return { presence, known, heartbeats, guard };
}
