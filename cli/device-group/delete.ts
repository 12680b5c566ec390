import { defineCommand } from "citty";
import { deleteDeviceGroup, requireDeviceGroup } from "../../src/device-groups/service.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "delete", description: "Delete a device group (its devices stay, without a group; asks unless --yes)" },
  args: { name: { type: "positional", description: "Name", required: true }, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    await withData(args, async (ctx) => {
      requireDeviceGroup(ctx, args.name);
      await confirm(`Delete device group ${args.name}?`, args.yes);
      deleteDeviceGroup(ctx, args.name);
    });
    io.out(`deleted device group ${args.name}\n`);
  }),
});
