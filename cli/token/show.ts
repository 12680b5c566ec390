import { defineCommand } from "citty";
import { getToken } from "../../src/tokens/service.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";
import { expiresOf, label, presetLines, refArg, scopesOf, shownPrefix, tokenJson, usesOf } from "./_format.ts";

export default defineCommand({
  meta: { name: "show", description: "One token: scopes, owner, dates, and an enrolment key's presets and uses (never the secret)" },
  args: { ...refArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const t = await withData(args, (ctx) => getToken(ctx, args.token));
    if (args.json) return printJson(tokenJson(t));
    const presets = presetLines(t);
    io.out(
      [
        `${label(t)} ${t.name} (${shownPrefix(t)}…) — ${t.state}`,
        `owner: ${t.owner ?? "(deleted: the token is refused)"}`,
        `scopes: ${scopesOf(t)}`,
        ...(t.note ? [`note: ${t.note}`] : []),
        `created: ${isoOrDash(t.createdAt)}`,
        `last used: ${isoOrDash(t.lastUsedAt)}`,
        `expires: ${expiresOf(t)}`,
        ...(t.revokedAt !== null ? [`revoked: ${isoOrDash(t.revokedAt)}`] : []),
        ...(t.kind === "enrol" ? [`uses: ${usesOf(t)}`, `lock: ${t.lock ? "yes (the presets win over the command line)" : "no"}`, presets.length ? "presets:" : "presets: none", ...presets] : []),
        "",
      ].join("\n"),
    );
  }),
});
