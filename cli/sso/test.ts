import { defineCommand } from "citty";
import { testSsoProvider } from "../../src/sso/check.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, loadCliConfig } from "../_shared.ts";

export default defineCommand({
  meta: { name: "test", description: "Fetch a provider's discovery document and print its endpoints, or the exact error" },
  args: { name: { type: "positional", description: "Provider name", required: true }, ...configArgs },
  run: action(async (args) => {
    const { config } = loadCliConfig(args);
    const d = await testSsoProvider(config, args.name);
    const p = d.provider;
    if (!d.ok) throw new CliError(`${p.name}: ${d.error}`);
    const lines = [
      ["provider", `${p.name} (${p.kind}, "${p.label}")`],
      ["issuer", d.issuer],
      ["authorization", d.authorization_endpoint],
      ["token", d.token_endpoint],
      ...(p.kind === "oidc" ? [["keys (JWKS)", d.jwks_uri], ["userinfo", d.userinfo_endpoint ?? "-"]] : [["api", p.api_url]]),
      ["scopes", p.scopes.join(" ")],
      ["redirect URI", d.redirect_uri],
    ];
    io.out(lines.map(([k, v]) => `${k!.padEnd(14)} ${v}\n`).join(""));
    if (!config.server.public_url) io.out("note: server.public_url is not set; register <your server's public URL>/oidc/callback/" + p.name + " at the provider\n");
  }),
});
