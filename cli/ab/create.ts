import { defineCommand } from "citty";
import { createSharedBook } from "../../src/addressbook/books.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "create", description: "Create a shared address book" },
  args: {
    name: { type: "positional", description: "Book name", required: true },
    owner: { type: "string", description: "Owning user (full control)", valueHint: "user", required: true },
    note: { type: "string", description: "Note", valueHint: "text" },
    password: { type: "string", description: "Book-wide default connect password", valueHint: "text" },
    ...configArgs,
  },
  run: action(async (args) => {
    const book = await withData(args, (ctx) => createSharedBook(ctx, { name: args.name, owner: args.owner, note: args.note, password: args.password }));
    io.out(`created address book ${book.name} (${book.guid})\n`);
  }),
});
