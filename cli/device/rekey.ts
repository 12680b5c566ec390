import { defineCommand } from "citty";
import { rekeyDevice } from "../../src/devices/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "rekey", description: "Forget the device's uuid: its next contact is trusted again (reinstalled machine)" },
  args: { ...idArg, ...configArgs },
  run: action(async (args) => {
    await withData(args, (ctx) => rekeyDevice(ctx, args.id));
    io.out(`device ${args.id} re-keyed: its next contact sets the new uuid\n`);
  }),
});
