// strategy explain and strategy status: rollout (rollout.ts) for one device, or for one strategy's devices.
import type { ServiceContext } from "../core/context.ts";
import { requireDevice } from "../devices/service.ts";
import { toStrategy, type Strategy } from "./model.ts";
import { deviceStrategies, type DeviceStrategy, type RolloutState } from "./rollout.ts";
import { requireStrategy } from "./service.ts";

export function explainDevice(ctx: ServiceContext, rdId: string): DeviceStrategy {
  return deviceStrategies(ctx, requireDevice(ctx, rdId).id)[0]!;
}

export interface StrategyStatus {
  strategy: Strategy;
  targeted: number;
  counts: Record<Exclude<RolloutState, "none" | "clearing">, number>;
  devices: DeviceStrategy[];
}

/** The devices the strategy applies to now, each applied, pending (online) or offline. */
export function strategyStatus(ctx: ServiceContext, name: string): StrategyStatus {
  const strategy = toStrategy(requireStrategy(ctx, name));
  const devices = deviceStrategies(ctx).filter((d) => d.strategy === strategy.name);
  const counts = { applied: 0, pending: 0, offline: 0 };
  for (const d of devices) if (d.state in counts) counts[d.state as keyof typeof counts]++;
  return { strategy, targeted: devices.length, counts, devices };
}
