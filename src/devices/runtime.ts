// Per-process device machinery: presence (flushed in batches), known devices in memory, heartbeat
// statements, registration limits.
import type { Database } from "bun:sqlite";
import type { Config } from "../config/schema.ts";
import type { Logger } from "../core/log.ts";
import { Counters } from "../core/counters.ts";
import { Heartbeats, type StrategyDelivery } from "./heartbeat.ts";
import { KnownDevices } from "./known.ts";
import { Presence } from "./presence.ts";
import { RegistrationGuard, type ProvisionHook } from "./registry.ts";

export interface DeviceRuntime {
  readonly presence: Presence;
  readonly known: KnownDevices;
  readonly heartbeats: Heartbeats;
  readonly guard: RegistrationGuard;
  /** Applies a new device's presets; the app wires the provisioning layer's (src/provisioning/). */
  readonly provision: ProvisionHook;
  /** Strategy delivery; its confirmations are flushed with presence. */
  readonly strategies: StrategyDelivery;
  /** What the device endpoints have handled (heartbeats, audit posts): read by status and the dashboard. */
  readonly counters: Counters;
}

/** What layers above the devices plug into the runtime (wired by src/provisioning/hooks.ts). */
export interface DeviceHooks {
  readonly provision: ProvisionHook;
  readonly strategies: StrategyDelivery;
}

export function createDeviceRuntime(config: Config, sqlite: Database, hooks: DeviceHooks, counters = new Counters()): DeviceRuntime {
  const presence = new Presence(sqlite);
  const known = new KnownDevices(sqlite);
  const guard = new RegistrationGuard(config.devices.registrations_per_ip_per_hour, config.devices.registrations_per_minute);
  const heartbeats = new Heartbeats(sqlite, presence, known, guard, hooks.strategies);
  return { presence, known, heartbeats, guard, provision: hooks.provision, strategies: hooks.strategies, counters };
}

/**
 * Writes the pending beats that changed something (conns, IP; not a mere last-seen tick) before a read of
 * device_presence that must see the latest beat — the admin API's live sessions. A failed write stays
 * pending for the periodic flush; the read then sees the last flush's state.
 */
export function writeChangedPresence(rt: DeviceRuntime, now: number, log: Logger): void {
  try {
    rt.presence.flush(now);
  } catch (e) {
    log.error("presence flush before a read failed", e);
  }
}
