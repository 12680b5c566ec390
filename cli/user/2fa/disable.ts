import { defineCommand } from "citty";
import { disableTotp } from "../../../src/auth/totp.ts";
import { io } from "../../_io.ts";
import { action, configArgs, withData } from "../../_shared.ts";
import { userArg } from "../_format.ts";

export default defineCommand({
  meta: { name: "disable", description: "Turn two-factor authentication off (sessions stay)" },
  args: { ...userArg, ...configArgs },
  run: action(async (args) => {
    await withData(args, (ctx) => disableTotp(ctx, args.name));
    io.out(`two-factor authentication is off for ${args.name}\n`);
  }),
});
