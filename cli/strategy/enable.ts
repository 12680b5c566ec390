import { defineCommand } from "citty";
import { updateStrategy } from "../../src/strategies/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";

export default defineCommand({
  meta: { name: "enable", description: "Enable a strategy: its devices get it again" },
  args: { ...nameArg, ...configArgs },
  run: action(async (args) => {
    const s = await withData(args, (ctx) => updateStrategy(ctx, args.name, { enabled: true }));
    io.out(`strategy ${s.name} enabled\n`);
  }),
});
