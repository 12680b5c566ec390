import { defineCommand } from "citty";
import { listTokens } from "../../src/tokens/service.ts";
import { printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";
import { expiresOf, scopesOf, shownPrefix, tokenJson, usesOf } from "./_format.ts";

export default defineCommand({
  meta: { name: "list", description: "API tokens and enrolment keys: prefix, scopes, owner, last use, expiry, uses (never the secret)" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const tokens = await withData(args, (ctx) => listTokens(ctx));
    if (args.json) return printJson(tokens.map(tokenJson));
    printTable(
      ["NAME", "PREFIX", "KIND", "SCOPES", "OWNER", "CREATED", "LAST USED", "EXPIRES", "USES", "STATE"],
      tokens.map((t) => [t.name, shownPrefix(t), t.kind, scopesOf(t), t.owner ?? "(deleted)", isoOrDash(t.createdAt), isoOrDash(t.lastUsedAt), expiresOf(t), usesOf(t), t.state]),
    );
  }),
});
