// The SSO buttons: the same providers the client's login dialog shows, from GET /api/login-options (an array of
// "oidc/<name>" items or one "common-oidc/<json>" item).
// client: flutter/lib/models/user_model.dart:240-263 (rustdesk@7423dced)
export type SsoProvider = { name: string; label: string };

const LABELS: Record<string, string> = { azure: "Microsoft", github: "GitHub", gitlab: "GitLab" };
const label = (name: string) => LABELS[name] ?? name.charAt(0).toUpperCase() + name.slice(1);

export function ssoProviders(options: unknown): SsoProvider[] {
  if (!Array.isArray(options)) return [];
  const items = options.filter((o): o is string => typeof o === "string");
  const common = items.find((o) => o.startsWith("common-oidc/"));
  if (common) {
    try {
      const list = JSON.parse(common.slice("common-oidc/".length)) as { name?: unknown }[];
      return list.flatMap((p) => (typeof p.name === "string" ? [{ name: p.name, label: label(p.name) }] : []));
    } catch {
      return [];
    }
  }
  return items.filter((o) => o.startsWith("oidc/")).map((o) => ({ name: o.slice(5), label: label(o.slice(5)) }));
}
