import { defineCommand } from "citty";
import { unlinkSso } from "../../src/sso/identity.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "sso-unlink", description: "Remove the user's sign-in link to a provider (the next SSO login links or creates again, as the provider allows)" },
  args: {
    name: { type: "positional", description: "User name", required: true },
    provider: { type: "positional", description: "Provider name, or a link's guid", required: true },
    ...configArgs,
  },
  run: action(async (args) => {
    const n = await withData(args, (ctx) => unlinkSso(ctx, args.name, args.provider));
    io.out(`removed ${n} link${n === 1 ? "" : "s"} of ${args.name} to ${args.provider}\n`);
  }),
});
