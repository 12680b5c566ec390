import { defineCommand } from "citty";
import { dumpConfig } from "../../src/config/dump.ts";
import { io } from "../_io.ts";
import { action, configArgs, loadCliConfig } from "../_shared.ts";

export default defineCommand({
  meta: { name: "dump", description: "Print the effective configuration as TOML (secrets as ***), with each value's source" },
  args: { ...configArgs },
  run: action((args) => io.out(dumpConfig(loadCliConfig(args)))),
});
