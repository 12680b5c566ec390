import type { Config } from "../../src/config/schema.ts";
import { callbackUrl } from "../../src/sso/flow.ts";
import type { ProviderConfig } from "../../src/config/sso-providers.ts";

/** The redirect URI to register at the provider. */
export const redirectUri = (config: Config, p: ProviderConfig) => callbackUrl(config.server.public_url || "<server.public_url>", p);
