import { defineCommand } from "citty";
import { discover } from "../../src/sso/oauth.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, loadCliConfig } from "../_shared.ts";
import { redirectUri } from "./_redirect.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "Configured SSO providers, with whether each one's discovery document answers" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { config } = loadCliConfig(args);
    const rows = await Promise.all(
      config.sso.providers.map(async (p) => ({
        name: p.name,
        kind: p.kind,
        label: p.label,
        issuer: p.issuer,
        redirect_uri: redirectUri(config, p),
        auto_create: p.auto_create,
        link_by_email: p.link_by_email,
        discovery: p.kind === "oidc" ? await discover(p.issuer).then(() => "ok", (e: Error) => `failed: ${e.message}`) : "n/a (OAuth 2)",
      })),
    );
    if (args.json) return printJson(rows);
    if (rows.length === 0) return io.out("no SSO providers are configured ([[sso.providers]])\n");
    printTable(["NAME", "KIND", "LABEL", "ISSUER", "REDIRECT URI", "DISCOVERY"], rows.map((r) => [r.name, r.kind, r.label, r.issuer, r.redirect_uri, r.discovery]));
  }),
});
