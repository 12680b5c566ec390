import { defineCommand } from "citty";
import { addUserToGroup } from "../../src/groups/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "add-user", description: "Put a user in a group (moving it out of any other)" },
  args: { group: { type: "positional", description: "Group name", required: true }, user: { type: "positional", description: "User name", required: true }, ...configArgs },
  run: action(async (args) => {
    await withData(args, (ctx) => addUserToGroup(ctx, args.group, args.user));
    io.out(`${args.user} is in group ${args.group}\n`);
  }),
});
