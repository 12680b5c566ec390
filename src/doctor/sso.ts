// Each SSO provider: its discovery document answers (oidc), as `rdconsole sso test` checks it.
import type { Config } from "../config/schema.ts";
import { testSsoProvider } from "../sso/check.ts";
import { fail, ok, skip, type CheckResult } from "./check.ts";

export async function checkSso(config: Config): Promise<CheckResult[]> {
  const providers = config.sso.providers;
  if (!providers.length) return [skip("sso", "no [[sso.providers]] configured")];
  return Promise.all(
    providers.map(async (p) => {
      const name = `sso ${p.name}`;
      const r = await testSsoProvider(config, p.name);
      if (!r.ok) return fail(name, `${p.kind === "oidc" ? `discovery at ${p.issuer}` : p.kind}: ${r.error}`, `check the issuer URL of provider "${p.name}" and that this machine reaches it (rdconsole sso test ${p.name})`);
      return ok(name, p.kind === "oidc" ? `discovery answers (issuer ${r.issuer})` : `${p.kind}: fixed endpoints`);
    }),
  );
}
