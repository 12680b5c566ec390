import { defineCommand } from "citty";
import { readBook } from "../../src/addressbook/read-book.ts";
import { exportBook, exportCsv } from "../../src/addressbook/transfer.ts";
import { outData, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";

export default defineCommand({
  meta: { name: "export", description: "Print a book: CSV of id,alias,tags,note, or everything with --json" },
  args: { ...bookArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const out = await withData(args, (ctx) => {
      const book = readBook(ctx, args.book);
      return args.json ? exportBook(ctx, book) : exportCsv(ctx, book);
    });
    if (typeof out === "string") outData(out);
    else printJson(out);
  }),
});
