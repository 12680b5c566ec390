import { defineCommand } from "citty";
import { checkOptions } from "../../src/strategies/check.ts";
import { updateStrategy } from "../../src/strategies/service.ts";
import { io, UsageError } from "../_io.ts";
import { restOf } from "../_repeat.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { reapplyArg, reapplyHours } from "./_reapply.ts";
import { lintArgs, lintFlags, nameArg, pairsArg, parsePairs, printWarnings } from "./_options.ts";

export default defineCommand({
  meta: { name: "set", description: "Set client options of a strategy (KEY=VALUE …), its note or its re-apply period" },
  args: { ...nameArg, ...pairsArg, note: { type: "string", description: "Note", valueHint: "text" }, ...reapplyArg, ...lintArgs, ...configArgs },
  run: action(async (args) => {
    const pairs = parsePairs(restOf(args, 1));
    const hours = reapplyHours(args["reapply-hours"]);
    if (!Object.keys(pairs).length && args.note === undefined && hours === undefined) throw new UsageError("give KEY=VALUE pairs, --note or --reapply-hours");
    const { options, warnings } = checkOptions(pairs, lintFlags(args));
    const s = await withData(args, (ctx) => updateStrategy(ctx, args.name, { set: options, note: args.note, reapplyHours: hours }));
    printWarnings(warnings);
    io.out(`strategy ${s.name} updated\n`);
  }),
});
