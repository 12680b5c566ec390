import { defineCommand } from "citty";
import { deviceStrategies } from "../../src/strategies/rollout.ts";
import { listStrategies } from "../../src/strategies/service.ts";
import { printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "list", description: "Strategies, with how many devices each applies to and how many have it" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const rows = await withData(args, (ctx) => {
      const reach = new Map<string, { devices: number; applied: number }>();
      for (const d of deviceStrategies(ctx)) {
        if (!d.strategy) continue;
        const r = reach.get(d.strategy) ?? { devices: 0, applied: 0 };
        r.devices++;
        if (d.state === "applied") r.applied++;
        reach.set(d.strategy, r);
      }
      return listStrategies(ctx).map((s) => ({ s, ...(reach.get(s.name) ?? { devices: 0, applied: 0 }) }));
    });
    if (args.json)
      return printJson(rows.map(({ s, devices, applied }) => ({ guid: s.guid, name: s.name, enabled: s.enabled, default: s.isDefault, options: s.options, reapply_hours: s.reapplyHours, note: s.note, devices, applied })));
    printTable(
      ["NAME", "STATUS", "DEFAULT", "KEYS", "REAPPLY", "DEVICES", "APPLIED"],
      rows.map(({ s, devices, applied }) => [s.name, s.enabled ? "enabled" : "disabled", s.isDefault ? "yes" : "", String(Object.keys(s.options).length), s.reapplyHours ? `${s.reapplyHours}h` : "-", String(devices), String(applied)]),
    );
  }),
});
