import { defineCommand } from "citty";
import { checkOptions } from "../../src/strategies/check.ts";
import { createStrategy } from "../../src/strategies/service.ts";
import { io } from "../_io.ts";
import { restOf } from "../_repeat.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { reapplyArg, reapplyHours } from "./_reapply.ts";
import { lintArgs, lintFlags, nameArg, pairsArg, parsePairs, printWarnings } from "./_options.ts";

export default defineCommand({
  meta: { name: "create", description: "Create a strategy: strategy create Locked enable-file-transfer=N approve-mode=password" },
  args: { ...nameArg, ...pairsArg, note: { type: "string", description: "Note", valueHint: "text" }, ...reapplyArg, ...lintArgs, ...configArgs },
  run: action(async (args) => {
    const { options, warnings } = checkOptions(parsePairs(restOf(args, 1)), lintFlags(args));
    const s = await withData(args, (ctx) => createStrategy(ctx, { name: args.name, options, note: args.note, reapplyHours: reapplyHours(args["reapply-hours"]) }));
    printWarnings(warnings);
    io.out(`created strategy ${s.name} (${s.guid}) with ${Object.keys(s.options).length} option(s)\n`);
  }),
});
