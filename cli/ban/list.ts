import { defineCommand } from "citty";
import { listBans } from "../../src/bans/service.ts";
import { banJson } from "../../src/bans/json.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "List active bans" },
  args: { all: { type: "boolean", description: "Include expired bans" }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const bans = await withData(args, (ctx) => listBans(ctx, args.all));
    if (args.json) return printJson(bans.map(banJson));
    printTable(["ID", "ADDRESS", "EXPIRES", "BY", "COMMENT"], bans.map((b) => [String(b.id), b.cidr, b.expiresAt === null ? "never" : isoOrDash(b.expiresAt), b.createdBy, b.comment]));
  }),
});
