import { defineCommand } from "citty";
import { setGroupAccess } from "../../src/groups/service.ts";
import { accessUserArg, accessUsersOf } from "../_access-users.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

const names = (v: string | undefined) => (v === undefined ? undefined : v.split(",").map((s) => s.trim()).filter(Boolean));

export default defineCommand({
  meta: { name: "set", description: "What a group's members may see besides their own group, and which users may see them (each list replaces the old one; \"\" clears)" },
  args: {
    name: { type: "positional", description: "Group", required: true },
    "can-access-group": { type: "string", description: "User groups, comma-separated", valueHint: "a,b" },
    "can-access-device-group": { type: "string", description: "Device groups, comma-separated", valueHint: "x,y" },
    ...accessUserArg,
    note: { type: "string", description: "Note", valueHint: "text" },
    ...configArgs,
  },
  run: action(async (args, rawArgs) => {
    const input = { userGroups: names(args["can-access-group"]), deviceGroups: names(args["can-access-device-group"]), accessibleByUsers: accessUsersOf(rawArgs), note: args.note };
    if (Object.values(input).every((v) => v === undefined)) throw new CliError("nothing to change: pass --can-access-group, --can-access-device-group, --accessible-by-user or --note");
    const a = await withData(args, (ctx) => setGroupAccess(ctx, args.name, input));
    const byUsers = input.accessibleByUsers || a.accessibleByUsers.length ? `; accessible by users [${a.accessibleByUsers.join(", ")}]` : "";
    io.out(`group ${args.name}: can access groups [${a.userGroups.join(", ")}], device groups [${a.deviceGroups.join(", ")}]${byUsers}\n`);
  }),
});
