// What the layers above the devices plug into the device runtime: registration presets and
// strategy delivery on the heartbeat.
import type { Database } from "bun:sqlite";
import type { DeviceHooks } from "../devices/runtime.ts";
import { StrategyIndex } from "../strategies/delivery.ts";
import { provisionDevice } from "./presets.ts";

export const deviceHooks = (sqlite: Database): DeviceHooks => ({ provision: provisionDevice, strategies: new StrategyIndex(sqlite) });
