import { writeFileSync } from "node:fs";
import { defineCommand } from "citty";
import { exportStrategies } from "../../src/strategies/as-code.ts";
import { io } from "../_io.ts";
import { restOf } from "../_repeat.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "export", description: "Write strategies (all, or the ones named) and their assignments as TOML, for strategy apply" },
  args: { names: { type: "positional", description: "Strategy names", required: false, valueHint: "NAME..." }, out: { type: "string", description: "Write to this file instead of stdout", valueHint: "file" }, ...configArgs },
  run: action(async (args) => {
    const text = await withData(args, (ctx) => exportStrategies(ctx, restOf(args, 0)));
    if (args.out) writeFileSync(args.out, text);
    else io.out(text);
  }),
});
