import { defineCommand } from "citty";
import { deleteStrategy, requireStrategy } from "../../src/strategies/service.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";

export default defineCommand({
  meta: { name: "delete", description: "Delete a strategy: its devices fall through, and the keys it set are unset at their next beat (asks unless --yes)" },
  args: { ...nameArg, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    await withData(args, async (ctx) => {
      requireStrategy(ctx, args.name);
      await confirm(`Delete strategy ${args.name}?`, args.yes);
      deleteStrategy(ctx, args.name);
    });
    io.out(`deleted strategy ${args.name}\n`);
  }),
});
