// The options tail and export share: which log, and which entries of it.
import type { ArgsDef } from "citty";
import { LOG_TYPES, type LogType } from "../../src/audit/read.ts";
import { CliError } from "../_io.ts";

export const filterArgs = {
  type: { type: "string", description: `Which log: ${LOG_TYPES.join(", ")} (default: every log, interleaved by time)`, valueHint: "log" },
  device: { type: "string", description: "Only this device (RustDesk ID)", valueHint: "id" },
  user: { type: "string", description: "console: actions by this user; other logs: this user's devices", valueHint: "name" },
  since: { type: "string", description: "Only entries newer than this: 30m, 12h, 7d", valueHint: "duration" },
} as const satisfies ArgsDef;

/** The log asked for, or null for every log. */
export function logType(value: string | undefined): LogType | null {
  if (value === undefined) return null;
  const type = value as LogType;
  if (!LOG_TYPES.includes(type)) throw new CliError(`--type is one of ${LOG_TYPES.join(", ")}, not "${value}"`);
  return type;
}
