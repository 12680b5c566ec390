import { defineCommand } from "citty";
import { findBook, updateBook } from "../../src/addressbook/books.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";

export default defineCommand({
  meta: { name: "rename", description: "Rename a shared address book" },
  args: { ...bookArg, name: { type: "positional", description: "New name", required: true }, ...configArgs },
  run: action(async (args) => {
    const book = await withData(args, (ctx) => updateBook(ctx, findBook(ctx, args.book), { name: args.name }));
    io.out(`renamed to ${book.name}\n`);
  }),
});
