import { defineCommand } from "citty";
import { assignStrategy } from "../../src/strategies/assign.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";
import { targetArgs, targetsOf } from "./_targets.ts";

export default defineCommand({
  meta: { name: "assign", description: "Assign a strategy to devices, users (their devices) or device groups (a device's own wins, then its owner's, then its group's)" },
  args: { ...nameArg, ...targetArgs, ...configArgs },
  run: action(async (args, rawArgs) => {
    const n = await withData(args, (ctx) => assignStrategy(ctx, args.name, targetsOf(rawArgs)));
    io.out(`assigned strategy ${args.name} to ${n} target(s)\n`);
  }),
});
