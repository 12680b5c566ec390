import { defineCommand } from "citty";
import { io } from "../_io.ts";
import { action, configArgs, loadCliConfig } from "../_shared.ts";

export default defineCommand({
  meta: { name: "check", description: "Validate the configuration; exit 1 and list every problem if it is invalid" },
  args: { ...configArgs },
  run: action((args) => {
    const loaded = loadCliConfig(args);
    io.out(`configuration OK (file: ${loaded.file ?? "none, defaults and environment only"})\n`);
  }),
});
