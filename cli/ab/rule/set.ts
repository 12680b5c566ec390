import { defineCommand } from "citty";
import { readBook } from "../../../src/addressbook/read-book.ts";
import { setRule } from "../../../src/addressbook/rules.ts";
import { io } from "../../_io.ts";
import { action, configArgs, withData } from "../../_shared.ts";
import { bookArg, subjectArgs } from "../_args.ts";
import { levelOf, subjectOf } from "../_subject.ts";

export default defineCommand({
  meta: { name: "set", description: "Give a user, a group or everyone read, rw or full access (user > group > everyone)" },
  args: { ...bookArg, permission: { type: "positional", description: "read | rw | full", required: true }, ...subjectArgs, ...configArgs },
  run: action(async (args) => {
    const subject = subjectOf(args);
    const level = levelOf(args.permission);
    await withData(args, (ctx) => setRule(ctx, readBook(ctx, args.book), subject, level));
    io.out(`rule set\n`);
  }),
});
