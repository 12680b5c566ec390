import { defineCommand } from "citty";
import { disableUser } from "../../src/users/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { userArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "disable", description: "Disable a user (cannot log in; data kept)" },
  args: { ...userArg, ...configArgs },
  run: action(async (args) => {
    const user = await withData(args, (ctx) => disableUser(ctx, args.name));
    io.out(`user ${user.name} disabled\n`);
  }),
});
