import { defineCommand } from "citty";
import { updateStrategy } from "../../src/strategies/service.ts";
import { io, UsageError } from "../_io.ts";
import { restOf } from "../_repeat.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";

export default defineCommand({
  meta: { name: "unset", description: "Stop managing keys (devices get them back at their default at the next beat)" },
  args: { ...nameArg, keys: { type: "positional", description: "Option keys", required: true, valueHint: "KEY..." }, ...configArgs },
  run: action(async (args) => {
    const keys = restOf(args, 1);
    if (keys.some((k) => k.includes("="))) throw new UsageError("unset takes keys, not KEY=VALUE");
    const s = await withData(args, (ctx) => updateStrategy(ctx, args.name, { unset: keys }));
    io.out(`strategy ${s.name} updated\n`);
  }),
});
