import { defineCommand } from "citty";
import { approveDevice } from "../../src/devices/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "approve", description: "Approve a pending device, or pre-register an ID (devices.registration = closed)" },
  args: { ...idArg, ...configArgs },
  run: action(async (args) => {
    const r = await withData(args, (ctx) => approveDevice(ctx, args.id));
    io.out(r === "approved" ? `device ${args.id} approved\n` : `device ${args.id} pre-registered: its first contact is trusted\n`);
  }),
});
