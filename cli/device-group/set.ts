import { defineCommand } from "citty";
import { updateDeviceGroup } from "../../src/device-groups/service.ts";
import { showDeviceGroup } from "../../src/device-groups/show.ts";
import { accessUserArg, accessUsersOf } from "../_access-users.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "set", description: "Which users may see a device group's devices besides the groups given access (group set --can-access-device-group)" },
  args: { name: { type: "positional", description: "Device group", required: true }, ...accessUserArg, ...configArgs },
  run: action(async (args, rawArgs) => {
    const accessibleByUsers = accessUsersOf(rawArgs);
    if (accessibleByUsers === undefined) throw new CliError("nothing to change: pass --accessible-by-user");
    const g = await withData(args, (ctx) => showDeviceGroup(ctx, updateDeviceGroup(ctx, args.name, { accessibleByUsers }).name));
    io.out(`device group ${g.name}: accessible by users [${g.accessibleByUsers.join(", ")}]\n`);
  }),
});
