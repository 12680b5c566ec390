import type { ArgsDef } from "citty";
import { UsageError } from "../_io.ts";

export const reapplyArg = {
  "reapply-hours": { type: "string", description: "Send the settings again every N hours, so local edits on the device do not stick (none: only on change)", valueHint: "N|none" },
} as const satisfies ArgsDef;

/** undefined: not given; null: none. */
export function reapplyHours(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === "none") return null;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 8760) throw new UsageError(`--reapply-hours takes 1 to 8760 or none, not ${JSON.stringify(value)}`);
  return Number(value);
}
