import { defineCommand } from "citty";
import { logoutAll } from "../../src/users/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { userArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "logout-all", description: "Revoke every client login of a user" },
  args: { ...userArg, ...configArgs },
  run: action(async (args) => {
    const n = await withData(args, (ctx) => logoutAll(ctx, args.name));
    io.out(`revoked ${n} session${n === 1 ? "" : "s"} of ${args.name}\n`);
  }),
});
