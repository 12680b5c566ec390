import { defineCommand } from "citty";
import { enableUser } from "../../src/users/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { userArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "enable", description: "Enable a disabled user" },
  args: { ...userArg, ...configArgs },
  run: action(async (args) => {
    const user = await withData(args, (ctx) => enableUser(ctx, args.name));
    io.out(`user ${user.name} enabled\n`);
  }),
});
