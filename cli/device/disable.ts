import { defineCommand } from "citty";
import { disableDevice } from "../../src/devices/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "disable", description: "Disable a device: its live and new connections are cut at its next heartbeat" },
  args: { ...idArg, ...configArgs },
  run: action(async (args) => {
    await withData(args, (ctx) => disableDevice(ctx, args.id));
    io.out(`device ${args.id} disabled\n`);
  }),
});
