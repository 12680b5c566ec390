import { defineCommand } from "citty";
import { readFileSync } from "node:fs";
import { findBook } from "../../src/addressbook/books.ts";
import { importBook } from "../../src/addressbook/transfer.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { bookArg } from "./_args.ts";

export default defineCommand({
  meta: { name: "import", description: "Merge peers from a file (JSON from export --json, or CSV id,alias,tags,note) into a book" },
  args: { ...bookArg, file: { type: "positional", description: "File, or - for standard input", required: true }, ...configArgs },
  run: action(async (args) => {
    let text: string;
    try {
      text = args.file === "-" ? await io.readStdin() : readFileSync(args.file, "utf8");
    } catch (e) {
      throw new CliError(`cannot read ${args.file}: ${(e as Error).message}`);
    }
    const { added, updated } = await withData(args, (ctx) => importBook(ctx, findBook(ctx, args.book), text));
    io.out(`imported: ${added} added, ${updated} updated\n`);
  }),
});
