import { defineCommand } from "citty";
import { showGroup } from "../../src/groups/show.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";

const list = (names: string[]) => (names.length ? names.join(", ") : "-");

export default defineCommand({
  meta: { name: "show", description: "A user group's members and access lists (what its members may see, and who may see it)" },
  args: { name: { type: "positional", description: "Group name", required: true }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const g = await withData(args, (ctx) => showGroup(ctx, args.name));
    if (args.json)
      return printJson({
        guid: g.guid,
        name: g.name,
        note: g.note,
        members: g.members.map((m) => ({ name: m.name, is_admin: m.isAdmin, status: m.status })),
        can_access_groups: g.canAccess.groups,
        can_access_device_groups: g.canAccess.deviceGroups,
        accessible_by_groups: g.accessibleBy,
        created_at: new Date(g.createdAt).toISOString(),
      });
    const member = (m: (typeof g.members)[number]) => `${m.name}${m.isAdmin ? " (admin)" : ""}${m.status === 0 ? " (disabled)" : ""}`;
    io.out(
      [
        `group ${g.name} (${g.guid})`,
        ...(g.note ? [`note: ${g.note}`] : []),
        `members (${g.members.length}): ${list(g.members.map(member))}`,
        `can access groups: ${list(g.canAccess.groups)}`,
        `can access device groups: ${list(g.canAccess.deviceGroups)}`,
        `accessible by groups: ${list(g.accessibleBy)}`,
        "",
      ].join("\n"),
    );
  }),
});
