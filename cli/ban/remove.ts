import { defineCommand } from "citty";
import { removeBan } from "../../src/bans/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "remove", description: "Lift a ban" },
  args: { id: { type: "positional", description: "Ban number or guid (from ban list)", required: true }, ...configArgs },
  run: action(async (args) => {
    const ban = await withData(args, (ctx) => removeBan(ctx, args.id));
    io.out(`lifted the ban on ${ban.cidr}\n`);
  }),
});
