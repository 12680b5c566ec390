import { defineCommand } from "citty";
import { showDeviceGroup } from "../../src/device-groups/show.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "show", description: "A device group's devices and the user groups and users that may access it" },
  args: { name: { type: "positional", description: "Device group name", required: true }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const g = await withData(args, (ctx) => showDeviceGroup(ctx, args.name));
    if (args.json)
      return printJson({
        guid: g.guid,
        name: g.name,
        note: g.note,
        devices: g.devices.map((d) => ({ id: d.id, hostname: d.hostname, alias: d.alias, owner: d.owner, enabled: d.enabled })),
        accessible_by_groups: g.accessibleBy,
        accessible_by_users: g.accessibleByUsers,
        created_at: new Date(g.createdAt).toISOString(),
      });
    io.out(
      [
        `device group ${g.name} (${g.guid})`,
        ...(g.note ? [`note: ${g.note}`] : []),
        `accessible by groups: ${g.accessibleBy.length ? g.accessibleBy.join(", ") : "-"}`,
        `accessible by users: ${g.accessibleByUsers.length ? g.accessibleByUsers.join(", ") : "-"}`,
        `devices (${g.devices.length})${g.devices.length ? ":" : ""}`,
        "",
      ].join("\n"),
    );
    if (g.devices.length) printTable(["ID", "HOSTNAME", "ALIAS", "OWNER", "STATE"], g.devices.map((d) => [d.id, d.hostname, d.alias, d.owner ?? "-", d.enabled ? "enabled" : "disabled"]));
  }),
});
