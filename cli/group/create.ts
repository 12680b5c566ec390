import { defineCommand } from "citty";
import { createGroup } from "../../src/groups/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "create", description: "Create a user group" },
  args: { name: { type: "positional", description: "Group name", required: true }, note: { type: "string", description: "Note", valueHint: "text" }, ...configArgs },
  run: action(async (args) => {
    const g = await withData(args, (ctx) => createGroup(ctx, { name: args.name, note: args.note }));
    io.out(`created group ${g.name} (${g.guid})\n`);
  }),
});
