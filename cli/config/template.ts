import { defineCommand } from "citty";
import { configTemplate } from "../../src/config/dump.ts";
import { io } from "../_io.ts";
import { action } from "../_shared.ts";

export default defineCommand({
  meta: { name: "template", description: "Print a config file with every key documented and commented out" },
  args: { "data-dir": { type: "string", description: "Write this data.dir into the template, uncommented", valueHint: "dir" } },
  run: action((args) =>
    io.out(configTemplate(args["data-dir"] ? { "data.dir": args["data-dir"] } : {})),
  ),
});
