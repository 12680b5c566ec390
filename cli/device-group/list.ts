import { defineCommand } from "citty";
import { listDeviceGroups } from "../../src/device-groups/service.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "List device groups" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const groups = await withData(args, listDeviceGroups);
    if (args.json) return printJson(groups.map((g) => ({ guid: g.guid, name: g.name, note: g.note, device_count: g.devices, created_at: new Date(g.createdAt).toISOString() })));
    printTable(["NAME", "DEVICES", "NOTE"], groups.map((g) => [g.name, String(g.devices), g.note]));
  }),
});
