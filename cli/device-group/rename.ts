import { defineCommand } from "citty";
import { renameDeviceGroup } from "../../src/device-groups/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "rename", description: "Rename a device group" },
  args: { name: { type: "positional", description: "Current name", required: true }, new: { type: "positional", description: "New name", required: true }, ...configArgs },
  run: action(async (args) => {
    const g = await withData(args, (ctx) => renameDeviceGroup(ctx, args.name, args.new));
    io.out(`renamed to ${g.name}\n`);
  }),
});
