import { defineCommand } from "citty";
import { deleteGroup, requireGroup } from "../../src/groups/service.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "delete", description: "Delete a user group (its users stay, without a group; its rules go)" },
  args: { name: { type: "positional", description: "Group name", required: true }, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    await withData(args, async (ctx) => {
      requireGroup(ctx, args.name);
      await confirm(`Delete group ${args.name}?`, args.yes);
      deleteGroup(ctx, args.name);
    });
    io.out(`deleted group ${args.name}\n`);
  }),
});
