import { defineCommand } from "citty";
import { listSsoProviders } from "../../src/sso/check.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, loadCliConfig } from "../_shared.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "Configured SSO providers, with whether each one's discovery document answers" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { config } = loadCliConfig(args);
    const rows = await listSsoProviders(config);
    if (args.json) return printJson(rows);
    if (rows.length === 0) return io.out("no SSO providers are configured ([[sso.providers]])\n");
    printTable(["NAME", "KIND", "LABEL", "ISSUER", "REDIRECT URI", "DISCOVERY"], rows.map((r) => [r.name, r.kind, r.label, r.issuer, r.redirect_uri, r.discovery]));
  }),
});
