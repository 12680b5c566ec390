import { defineCommand } from "citty";
import { getToken, revokeToken } from "../../src/tokens/service.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { label, refArg, shownPrefix } from "./_format.ts";

export default defineCommand({
  meta: { name: "revoke", description: "Revoke a token: it is refused from the next request on (asks unless --yes)" },
  args: { ...refArg, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    const t = await withData(args, async (ctx) => {
      const t = getToken(ctx, args.token);
      await confirm(`Revoke ${label(t)} ${t.name} (${shownPrefix(t)}…)? It stops working at once.`, args.yes);
      return revokeToken(ctx, t.name);
    });
    io.out(`revoked ${label(t)} ${t.name} (${shownPrefix(t)}…)\n`);
  }),
});
