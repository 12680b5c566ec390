import { defineCommand } from "citty";
import { readBook } from "../../../src/addressbook/read-book.ts";
import { removeRule } from "../../../src/addressbook/rules.ts";
import { io } from "../../_io.ts";
import { action, configArgs, withData } from "../../_shared.ts";
import { bookArg, subjectArgs } from "../_args.ts";
import { subjectOf } from "../_subject.ts";

export default defineCommand({
  meta: { name: "remove", description: "Take a rule away" },
  args: { ...bookArg, ...subjectArgs, ...configArgs },
  run: action(async (args) => {
    const subject = subjectOf(args);
    await withData(args, (ctx) => removeRule(ctx, readBook(ctx, args.book), subject));
    io.out(`rule removed\n`);
  }),
});
