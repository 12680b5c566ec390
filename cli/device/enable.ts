import { defineCommand } from "citty";
import { enableDevice } from "../../src/devices/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "enable", description: "Enable a device (also approves a pending one)" },
  args: { ...idArg, ...configArgs },
  run: action(async (args) => {
    await withData(args, (ctx) => enableDevice(ctx, args.id));
    io.out(`device ${args.id} enabled\n`);
  }),
});
