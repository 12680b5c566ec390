import { defineCommand } from "citty";
import { deleteUser, getUser } from "../../src/users/service.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { userArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "delete", description: "Delete a user (asks first unless --yes)" },
  args: { ...userArg, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    await withData(args, async (ctx) => {
      getUser(ctx, args.name); // fail before asking
      await confirm(`Delete user ${args.name} and everything it owns?`, args.yes);
      deleteUser(ctx, args.name);
    });
    io.out(`user ${args.name} deleted\n`);
  }),
});
