import { defineCommand } from "citty";
import { readBook } from "../../src/addressbook/read-book.ts";
import { ruleJson } from "../../src/addressbook/json.ts";
import { listRules, PERMISSION_NAME } from "../../src/addressbook/rules.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "rules", description: "Who may use a shared book" },
  args: { ...bookArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const rules = await withData(args, (ctx) => listRules(ctx, readBook(ctx, args.book)));
    if (args.json) return printJson(rules.map(ruleJson));
    const who = (r: (typeof rules)[number]) => (r.user ? `user ${r.user}` : r.group ? `group ${r.group}` : "everyone");
    printTable(["WHO", "PERMISSION", "GUID"], rules.map((r) => [who(r), PERMISSION_NAME[r.rule], r.guid]));
  }),
});
