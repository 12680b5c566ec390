import { defineCommand } from "citty";
import { removeUserFromGroup } from "../../src/groups/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "remove-user", description: "Take a user out of a group" },
  args: { group: { type: "positional", description: "Group name", required: true }, user: { type: "positional", description: "User name", required: true }, ...configArgs },
  run: action(async (args) => {
    await withData(args, (ctx) => removeUserFromGroup(ctx, args.group, args.user));
    io.out(`${args.user} left group ${args.group}\n`);
  }),
});
