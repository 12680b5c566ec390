import { defineCommand } from "citty";
import { deleteDevice, requireDevice } from "../../src/devices/service.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "delete", description: "Delete a device (it registers again at its next contact unless the policy forbids; asks unless --yes)" },
  args: { ...idArg, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    await withData(args, async (ctx) => {
      requireDevice(ctx, args.id);
      await confirm(`Delete device ${args.id}?`, args.yes);
      deleteDevice(ctx, args.id);
    });
    io.out(`device ${args.id} deleted\n`);
  }),
});
