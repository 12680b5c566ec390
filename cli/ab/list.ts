import { defineCommand } from "citty";
import { listBooks } from "../../src/addressbook/views.ts";
import { bookJson } from "../../src/addressbook/json.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "List address books (with --user: the ones that user owns or may see)" },
  args: { user: { type: "string", description: "Only books this user may see", valueHint: "name" }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const books = await withData(args, (ctx) => listBooks(ctx, { user: args.user }));
    if (args.json) return printJson(books.map(bookJson));
    printTable(["NAME", "KIND", "OWNER", "PEERS", "GUID"], books.map((b) => [b.name, b.personal ? "personal" : "shared", b.owner, String(b.peers), b.guid]));
  }),
});
