import { defineCommand } from "citty";
import { listSsoLinks } from "../../src/sso/identity.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "sso-links", description: "The user's sign-in links to SSO providers (issuer + subject)" },
  args: { name: { type: "positional", description: "User name", required: true }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const links = await withData(args, (ctx) => listSsoLinks(ctx, args.name));
    if (args.json)
      return printJson(links.map((l) => ({ guid: l.guid, provider: l.provider, issuer: l.issuer, subject: l.subject, email: l.email, created_at: new Date(l.createdAt).toISOString(), last_login_at: l.lastLoginAt ? new Date(l.lastLoginAt).toISOString() : null })));
    printTable(["PROVIDER", "ISSUER", "SUBJECT", "E-MAIL", "LINKED", "LAST LOGIN"], links.map((l) => [l.provider, l.issuer, l.subject, l.email || "-", isoOrDash(l.createdAt), isoOrDash(l.lastLoginAt)]));
  }),
});
