import { defineCommand } from "citty";
import { assignStrategy } from "../../src/strategies/assign.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { targetArgs, targetsOf } from "./_targets.ts";

export default defineCommand({
  meta: { name: "unassign", description: "Clear the strategy assigned directly to devices, users or device groups" },
  args: { ...targetArgs, ...configArgs },
  run: action(async (args, rawArgs) => {
    const n = await withData(args, (ctx) => assignStrategy(ctx, null, targetsOf(rawArgs)));
    io.out(`unassigned the strategy of ${n} target(s)\n`);
  }),
});
