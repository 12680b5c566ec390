import { defineCommand } from "citty";
import { pruneDevices } from "../../src/devices/service.ts";
import { CliError, confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "prune", description: "Delete devices not heard from in N days (quick-support and retired machines)" },
  args: {
    "offline-days": { type: "string", description: "Days without contact", valueHint: "n", required: true },
    "dry-run": { type: "boolean", description: "Only list what would be deleted" },
    yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" },
    ...configArgs,
  },
  run: action(async (args) => {
    if (!/^\d+$/.test(args["offline-days"])) throw new CliError("--offline-days takes a whole number");
    const days = Number(args["offline-days"]);
    const ids = await withData(args, async (ctx) => {
      const found = pruneDevices(ctx, days, true);
      if (args["dry-run"] || !found.length) return found;
      await confirm(`Delete ${found.length} device(s) not seen in ${days} days?`, args.yes);
      return pruneDevices(ctx, days, false);
    });
    io.out(`${args["dry-run"] ? "would delete" : "deleted"} ${ids.length} device(s)${ids.length ? `: ${ids.join(" ")}` : ""}\n`);
  }),
});
