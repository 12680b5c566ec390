import { defineCommand } from "citty";
import { linkSso } from "../../src/sso/identity.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "sso-link", description: "Link a user to an identity at an SSO provider by hand (the provider's subject: the ID token's \"sub\", or the GitHub user id)" },
  args: {
    name: { type: "positional", description: "User name", required: true },
    provider: { type: "positional", description: "Provider name", required: true },
    subject: { type: "positional", description: "The identity's subject at the provider", required: true },
    ...configArgs,
  },
  run: action(async (args) => {
    await withData(args, (ctx) => linkSso(ctx, args.name, args.provider, args.subject));
    io.out(`linked ${args.name} to ${args.subject} at ${args.provider}\n`);
  }),
});
