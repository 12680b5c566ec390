import { defineCommand } from "citty";
import { listGroups } from "../../src/groups/service.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "List user groups" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const groups = await withData(args, listGroups);
    if (args.json) return printJson(groups.map((g) => ({ guid: g.guid, name: g.name, note: g.note, user_count: g.members, created_at: new Date(g.createdAt).toISOString() })));
    printTable(["NAME", "USERS", "NOTE"], groups.map((g) => [g.name, String(g.members), g.note]));
  }),
});
