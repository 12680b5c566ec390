import { defineCommand } from "citty";
import { getSetting, listSettings } from "../../src/settings/list.ts";
import { io, printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { action, configArgs, jsonArg } from "../_shared.ts";
import { shown, withSettings } from "./_live.ts";

export default defineCommand({
  meta: { name: "get", description: "Show every setting with its source, or one setting's value" },
  args: { key: { type: "positional", description: 'Dotted key, e.g. "lockout.minutes"', required: false }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    if (args.key) {
      const s = await withSettings(args, (_ctx, live) => getSetting(live, args.key!));
      return args.json ? printJson(s) : io.out(`${shown(s.value)}\n`);
    }
    const all = await withSettings(args, (_ctx, live) => listSettings(live));
    if (args.json) return printJson(all);
    printTable(["KEY", "VALUE", "SOURCE", "CHANGES"], all.map((s) => [s.key, shown(s.value), s.source, s.runtime ? "at once" : s.restart_pending ? "at restart (pending)" : "at restart"]));
  }),
});
