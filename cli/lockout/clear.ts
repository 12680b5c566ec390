import { defineCommand } from "citty";
import { clearLockout } from "../../src/auth/lockout-store.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "clear", description: "Lift the lockout of an IP address or a user at once (a running server honours it at the next attempt)" },
  args: { target: { type: "positional", description: "IP address (or IPv6 /64 as listed) or user name", required: true }, ...configArgs },
  run: action(async (args) => {
    const cleared = await withData(args, (ctx) => clearLockout(ctx, args.target));
    for (const e of cleared) io.out(`lifted the lockout of ${e.kind === "ip" ? "IP" : "user"} ${e.subject}\n`);
  }),
});
