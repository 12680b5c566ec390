// `sso list` and `sso test`, for the CLI and the admin API: the configured providers (never a client secret),
// whether each one's discovery document answers, and one provider's endpoints or the exact error.
import type { Config } from "../config/schema.ts";
import type { ProviderConfig } from "../config/sso-providers.ts";
import { notFound } from "../core/errors.ts";
import { callbackUrl } from "./flow.ts";
import { discover, ProviderClient } from "./oauth.ts";

/** The redirect URI to register at the provider. */
export const redirectUri = (config: Config, p: ProviderConfig) => callbackUrl(config.server.public_url || "<server.public_url>", p);

export async function listSsoProviders(config: Config) {
  return Promise.all(
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
}

export type SsoTest =
  | { ok: true; provider: ProviderConfig; issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string | null; userinfo_endpoint: string | null; redirect_uri: string }
  | { ok: false; provider: ProviderConfig; error: string };

/** Fetches the provider's discovery document (oidc) or names its fixed endpoints (github). */
export async function testSsoProvider(config: Config, name: string): Promise<SsoTest> {
  const p = config.sso.providers.find((x) => x.name === name);
  if (!p) throw notFound(`no SSO provider "${name}" (configured: ${config.sso.providers.map((x) => x.name).join(", ") || "none"})`);
  try {
    const d = await new ProviderClient(p).endpointsNow();
    return {
      ok: true,
      provider: p,
      issuer: d.issuer,
      authorization_endpoint: d.authorization_endpoint,
      token_endpoint: d.token_endpoint,
      jwks_uri: d.jwks_uri || null,
      userinfo_endpoint: d.userinfo_endpoint ?? null,
      redirect_uri: redirectUri(config, p),
    };
  } catch (e) {
    return { ok: false, provider: p, error: (e as Error).message };
  }
}
