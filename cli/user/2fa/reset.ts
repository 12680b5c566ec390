import { defineCommand } from "citty";
import { resetTotp } from "../../../src/auth/totp.ts";
import { confirm, io } from "../../_io.ts";
import { action, configArgs, withData } from "../../_shared.ts";
import { userArg } from "../_format.ts";

export default defineCommand({
  meta: { name: "reset", description: "For a lost authenticator: 2FA off, recovery codes void, every session revoked" },
  args: { ...userArg, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    const n = await withData(args, async (ctx) => {
      await confirm(`Reset two-factor authentication of ${args.name} and log it out everywhere?`, args.yes);
      return resetTotp(ctx, args.name);
    });
    io.out(`two-factor authentication reset for ${args.name}; ${n} session${n === 1 ? "" : "s"} revoked\n`);
  }),
});
