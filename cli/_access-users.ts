// --accessible-by-user, shared by `group set` and `device-group set`: repeatable, each value may also be a
// comma-separated list, and "" alone clears the list. Undefined when the option is not given at all.
import type { ArgsDef } from "citty";
import { optionValues } from "./_repeat.ts";

export const accessUserArg = {
  "accessible-by-user": { type: "string", description: 'Users who may see it, by name (comma-separated or repeated; replaces the list, "" clears)', valueHint: "NAME..." },
} as const satisfies ArgsDef;

export function accessUsersOf(rawArgs: string[]): string[] | undefined {
  const given = optionValues(rawArgs, "accessible-by-user");
  return given.length ? given.flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean) : undefined;
}
