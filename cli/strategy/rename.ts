import { defineCommand } from "citty";
import { updateStrategy } from "../../src/strategies/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";

export default defineCommand({
  meta: { name: "rename", description: "Rename a strategy" },
  args: { ...nameArg, "new-name": { type: "positional", description: "New name", required: true }, ...configArgs },
  run: action(async (args) => {
    const s = await withData(args, (ctx) => updateStrategy(ctx, args.name, { name: args["new-name"] }));
    io.out(`strategy ${args.name} renamed to ${s.name}\n`);
  }),
});
