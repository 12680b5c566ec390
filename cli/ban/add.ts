import { defineCommand } from "citty";
import { addBan } from "../../src/bans/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { duration, isoOrDash } from "../_values.ts";

export default defineCommand({
  meta: { name: "add", description: "Ban an IP address or CIDR range" },
  args: {
    address: { type: "positional", description: "IP address or CIDR range, e.g. 203.0.113.7 or 2001:db8::/32", required: true },
    expires: { type: "string", description: "Lifetime: 30m, 12h, 7d, 2w or never (default)", valueHint: "duration" },
    comment: { type: "string", description: "Why", valueHint: "text" },
    ...configArgs,
  },
  run: action(async (args) => {
    const lifetime = args.expires === undefined ? null : duration("expires", args.expires);
    const ban = await withData(args, (ctx) => addBan(ctx, { cidr: args.address, expiresAt: lifetime === null ? null : ctx.now() + lifetime, comment: args.comment }));
    io.out(`banned ${ban.cidr} (id ${ban.id}, expires ${ban.expiresAt === null ? "never" : isoOrDash(ban.expiresAt)})\n`);
  }),
});
