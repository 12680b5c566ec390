// The options tail and export share: which log, and which entries of it.
import type { ArgsDef } from "citty";
import { LOG_TYPES, type LogType } from "../../src/audit/read.ts";
import { CliError } from "../_io.ts";

export const filterArgs = {
  type: { type: "string", description: `Which log: ${LOG_TYPES.join(", ")} (default conn)`, valueHint: "log" },
  device: { type: "string", description: "Only this device (RustDesk ID)", valueHint: "id" },
  user: { type: "string", description: "console: actions by this user; other logs: this user's devices", valueHint: "name" },
  since: { type: "string", description: "Only entries newer than this: 30m, 12h, 7d", valueHint: "duration" },
} as const satisfies ArgsDef;

export function logType(value: string | undefined): LogType {
  const type = (value ?? "conn") as LogType;
  if (!LOG_TYPES.includes(type)) throw new CliError(`--type is one of ${LOG_TYPES.join(", ")}, not "${value}"`);
  return type;
}
