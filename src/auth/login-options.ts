// GET /api/login-options: one "oidc/<name>" per provider; with icons, also one "common-oidc/[…]" entry.
// client: flutter/lib/models/user_model.dart:255-263 (rustdesk@7423dced) uses only the common-oidc entry when there
// is one (a JSON array of {name, icon?}), else every "oidc/<name>".
import type { ProviderConfig } from "../config/sso-providers.ts";

export function loginOptions(providers: readonly ProviderConfig[]): string[] {
  const options = providers.map((p) => `oidc/${p.name}`);
  if (providers.some((p) => p.icon)) options.push(`common-oidc/${JSON.stringify(providers.map((p) => (p.icon ? { name: p.name, icon: p.icon } : { name: p.name })))}`);
  return options;
}
