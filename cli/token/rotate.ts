import { defineCommand } from "citty";
import { getToken, rotateToken } from "../../src/tokens/service.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { label, printSecret, refArg, shownPrefix } from "./_format.ts";

export default defineCommand({
  meta: { name: "rotate", description: "A new secret for a token, same settings; the old secret stops working at once (asks unless --yes)" },
  args: { ...refArg, yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" }, ...configArgs },
  run: action(async (args) => {
    const { token, secret } = await withData(args, async (ctx) => {
      const t = getToken(ctx, args.token);
      await confirm(`Rotate ${label(t)} ${t.name} (${shownPrefix(t)}…)? The current secret stops working at once.`, args.yes);
      return rotateToken(ctx, t.name);
    });
    io.out(`rotated ${label(token)} ${token.name}: new prefix ${shownPrefix(token)}\n`);
    printSecret(secret);
  }),
});
