import { defineCommand } from "citty";
import { setDevice } from "../../src/devices/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "set", description: 'Change a device\'s owner, device group, note or alias ("" clears)' },
  args: {
    ...idArg,
    owner: { type: "string", description: "Owning user", valueHint: "user" },
    group: { type: "string", description: "Device group", valueHint: "name" },
    note: { type: "string", description: "Note", valueHint: "text" },
    alias: { type: "string", description: "Alias", valueHint: "text" },
    ...configArgs,
  },
  run: action(async (args) => {
    await withData(args, (ctx) => setDevice(ctx, args.id, { owner: args.owner, group: args.group, note: args.note, alias: args.alias }));
    io.out(`device ${args.id} updated\n`);
  }),
});
