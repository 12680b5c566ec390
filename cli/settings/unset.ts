import { defineCommand } from "citty";
import { getSetting } from "../../src/settings/list.ts";
import { updateSettings } from "../../src/settings/update.ts";
import { action, configArgs } from "../_shared.ts";
import { reportChange, shown, withSettings } from "./_live.ts";

export default defineCommand({
  meta: { name: "unset", description: "Drop a saved setting: back to the config file's value or the default" },
  args: { key: { type: "positional", description: 'Dotted key, e.g. "lockout.minutes"', required: true }, ...configArgs },
  run: action(async (args) => {
    await withSettings(args, (ctx, live) => {
      const change = updateSettings(ctx, live, { [args.key]: null });
      const now = getSetting(live, args.key);
      reportChange(args.key, change, `${shown(now.value)}, from ${now.source}`);
    });
  }),
});
