import type { ArgsDef } from "citty";
import type { AssignTargets } from "../../src/strategies/assign.ts";
import { UsageError } from "../_io.ts";
import { optionValues } from "../_repeat.ts";

export const targetArgs = {
  device: { type: "string", description: "A device (RustDesk ID); repeat for more", valueHint: "ID..." },
  user: { type: "string", description: "A user, for the devices they own; repeat for more", valueHint: "NAME..." },
  "device-group": { type: "string", description: "A device group; repeat for more", valueHint: "NAME..." },
} as const satisfies ArgsDef;

export function targetsOf(rawArgs: string[]): AssignTargets {
  const t = { devices: optionValues(rawArgs, "device"), users: optionValues(rawArgs, "user"), deviceGroups: optionValues(rawArgs, "device-group") };
  if (!t.devices.length && !t.users.length && !t.deviceGroups.length) throw new UsageError("name at least one --device, --user or --device-group");
  return t;
}
