import { defineCommand } from "citty";
import { getSetting } from "../../src/settings/list.ts";
import { updateSettings } from "../../src/settings/update.ts";
import { action, configArgs } from "../_shared.ts";
import { reportChange, shown, withSettings } from "./_live.ts";

export default defineCommand({
  meta: { name: "set", description: 'Save a setting over the config file; takes human values ("90m", "1.5 d", "15 mb"), lists comma-separated' },
  args: {
    key: { type: "positional", description: 'Dotted key, e.g. "lockout.minutes"', required: true },
    value: { type: "positional", description: "New value", required: true },
    ...configArgs,
  },
  run: action(async (args) => {
    await withSettings(args, (ctx, live) => {
      const change = updateSettings(ctx, live, { [args.key]: args.value });
      reportChange(args.key, change, shown(getSetting(live, args.key).value));
    });
  }),
});
