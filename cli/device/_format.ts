import { deviceJson } from "../../src/devices/json.ts";
import type { DeviceView } from "../../src/devices/service.ts";
import type { DeviceStrategy } from "../../src/strategies/rollout.ts";

export { deviceJson };

export const idArg = { id: { type: "positional", description: "RustDesk ID", required: true } } as const;

/** "Locked (applied)", "-" with none, "(clearing)" while a former strategy's keys are being removed. */
export const strategyText = (s: DeviceStrategy | undefined) => (!s || s.state === "none" ? "-" : s.strategy ? `${s.strategy} (${s.state})` : `(${s.state})`);

export const stateOf = (d: DeviceView) => (d.pending ? "pending" : d.enabled ? "enabled" : "disabled");
