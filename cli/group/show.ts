import { defineCommand } from "citty";
import { groupJson } from "../../src/groups/json.ts";
import { showGroup } from "../../src/groups/show.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";

const list = (names: string[]) => (names.length ? names.join(", ") : "-");

export default defineCommand({
  meta: { name: "show", description: "A user group's members and access lists (what its members may see, and which groups and users may see it)" },
  args: { name: { type: "positional", description: "Group name", required: true }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const g = await withData(args, (ctx) => showGroup(ctx, args.name));
    if (args.json)
      return printJson(groupJson(g));
    const member = (m: (typeof g.members)[number]) => `${m.name}${m.isAdmin ? " (admin)" : ""}${m.status === 0 ? " (disabled)" : ""}`;
    io.out(
      [
        `group ${g.name} (${g.guid})`,
        ...(g.note ? [`note: ${g.note}`] : []),
        `members (${g.members.length}): ${list(g.members.map(member))}`,
        `can access groups: ${list(g.canAccess.groups)}`,
        `can access device groups: ${list(g.canAccess.deviceGroups)}`,
        `accessible by groups: ${list(g.accessibleBy)}`,
        `accessible by users: ${list(g.accessibleByUsers)}`,
        "",
      ].join("\n"),
    );
  }),
});
