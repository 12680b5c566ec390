import { defineCommand } from "citty";
import { deleteBook } from "../../src/addressbook/books.ts";
import { readBook } from "../../src/addressbook/read-book.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";

export default defineCommand({
  meta: { name: "delete", description: "Delete a shared address book with its peers, tags and rules (asks unless --yes)" },
  args: { ...bookArg, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    await withData(args, async (ctx) => {
      const book = readBook(ctx, args.book);
      await confirm(`Delete address book ${book.name || args.book} and all its peers?`, args.yes);
      deleteBook(ctx, book);
    });
    io.out(`deleted address book ${args.book}\n`);
  }),
});
