import { defineCommand } from "citty";
import { getUser, setPassword } from "../../src/users/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { userArg } from "./_format.ts";
import { obtainPassword, passwordArgs, showGenerated } from "./_password.ts";

export default defineCommand({
  meta: { name: "passwd", description: "Set a user's password" },
  args: { ...userArg, ...passwordArgs, ...configArgs },
  run: action(async (args) => {
    await withData(args, (ctx) => getUser(ctx, args.name)); // fail before asking for a password
    const { password, generated } = await obtainPassword(args);
    await withData(args, (ctx) => setPassword(ctx, args.name, password));
    io.out(`password of ${args.name} changed\n`);
    if (generated) showGenerated(args.name, password);
  }),
});
