import { defineCommand } from "citty";
import { setDefaultStrategy } from "../../src/strategies/service.ts";
import { io, UsageError } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "default", description: "The strategy of every device that has none of its own, its owner's or its group's (--none: no default)" },
  args: { name: { type: "positional", description: "Strategy name", required: false }, none: { type: "boolean", description: "No default strategy" }, ...configArgs },
  run: action(async (args) => {
    if ((args.name === undefined) === !args.none) throw new UsageError("give a strategy name or --none");
    const s = await withData(args, (ctx) => setDefaultStrategy(ctx, args.none ? null : args.name!));
    io.out(s ? `default strategy: ${s.name}\n` : "no default strategy\n");
  }),
});
