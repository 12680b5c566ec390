import { defineCommand } from "citty";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "create", description: "Create a device group" },
  args: { name: { type: "positional", description: "Name", required: true }, note: { type: "string", description: "Note", valueHint: "text" }, ...configArgs },
  run: action(async (args) => {
    const g = await withData(args, (ctx) => createDeviceGroup(ctx, { name: args.name, note: args.note }));
    io.out(`created device group ${g.name} (${g.guid})\n`);
  }),
});
