// The options of `backup create`, which bare `backup` takes too (the group runs create by default).
import type { ArgsDef } from "citty";
import { configArgs } from "../_shared.ts";

export const createArgs = {
  out: { type: "string", description: "Write the archive here (default: <backup dir>/rdconsole-<UTC time>.tar.gz)", valueHint: "file" },
  "with-recordings": { type: "boolean", description: "Include the session recordings (they can be large)" },
  ...configArgs,
} as const satisfies ArgsDef;
