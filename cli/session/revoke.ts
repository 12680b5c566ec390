import { defineCommand } from "citty";
import { revokeSession } from "../../src/auth/sessions.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "revoke", description: "Revoke one client login (its device is logged out at its next request)" },
  args: { id: { type: "positional", description: "Session number or guid (from session list)", required: true }, ...configArgs },
  run: action(async (args) => {
    const s = await withData(args, (ctx) => revokeSession(ctx, args.id));
    io.out(`revoked session ${s.id} of ${s.user}\n`);
  }),
});
