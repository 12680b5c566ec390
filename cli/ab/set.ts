import { defineCommand } from "citty";
import { findBook, updateBook } from "../../src/addressbook/books.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";

export default defineCommand({
  meta: { name: "set", description: "Change a shared book's owner, note or default password" },
  args: {
    ...bookArg,
    owner: { type: "string", description: "New owner", valueHint: "user" },
    note: { type: "string", description: "Note", valueHint: "text" },
    password: { type: "string", description: 'Book-wide default connect password ("" to clear)', valueHint: "text" },
    ...configArgs,
  },
  run: action(async (args) => {
    if (args.owner === undefined && args.note === undefined && args.password === undefined) throw new CliError("nothing to change: pass --owner, --note or --password");
    const book = await withData(args, (ctx) => updateBook(ctx, findBook(ctx, args.book), { owner: args.owner, note: args.note, password: args.password }));
    io.out(`address book ${book.name} updated\n`);
  }),
});
