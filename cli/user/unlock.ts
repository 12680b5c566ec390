import { defineCommand } from "citty";
import { unlockUser } from "../../src/auth/lockout-store.ts";
import { getUser } from "../../src/users/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { userArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "unlock", description: "Lift a user's login lockout (lockout clear for the account only; a running server honours it at the next attempt)" },
  args: { ...userArg, ...configArgs },
  run: action(async (args) => {
    const name = await withData(args, (ctx) => {
      const u = getUser(ctx, args.name);
      unlockUser(ctx, u.name);
      return u.name;
    });
    io.out(`user ${name} unlocked\n`);
  }),
});
