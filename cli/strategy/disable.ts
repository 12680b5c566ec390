import { defineCommand } from "citty";
import { updateStrategy } from "../../src/strategies/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";

export default defineCommand({
  meta: { name: "disable", description: "Disable a strategy: it manages nothing, its devices fall through to the next level" },
  args: { ...nameArg, ...configArgs },
  run: action(async (args) => {
    const s = await withData(args, (ctx) => updateStrategy(ctx, args.name, { enabled: false }));
    io.out(`strategy ${s.name} disabled\n`);
  }),
});
