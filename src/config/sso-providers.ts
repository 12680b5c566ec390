// SSO providers as configured: `[[sso.providers]]` tables in the file, or the same as a JSON array
// in RDCONSOLE_SSO_PROVIDERS. Checked whole at startup, like every other key.
import { FieldError, type Field } from "./fields.ts";

export const PROVIDER_KINDS = ["oidc", "github"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface ProviderConfig {
  /** What the client shows and sends back as `op`: client: flutter/lib/models/user_model.dart:260-263 (rustdesk@7423dced). */
  readonly name: string;
  readonly kind: ProviderKind;
  /** Shown on rdconsole's own pages; the client labels buttons from `name`: client: flutter/lib/common/widgets/login.dart:41-57 (rustdesk@7423dced). */
  readonly label: string;
  /** SVG markup for the client's button (sent in a common-oidc entry): client: flutter/lib/common/widgets/login.dart:77-85 (rustdesk@7423dced). */
  readonly icon: string;
  /** oidc: the issuer, discovered at <issuer>/.well-known/openid-configuration. github: the web base (GitHub Enterprise). */
  readonly issuer: string;
  /** github only: the REST API base. */
  readonly api_url: string;
  readonly client_id: string;
  readonly client_secret: string;
  readonly scopes: readonly string[];
  readonly auto_create: boolean;
  readonly link_by_email: boolean;
  readonly allowed_domains: readonly string[];
  readonly allowed_groups: readonly string[];
  readonly groups_claim: string;
  readonly admin_groups: readonly string[];
}

const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const KEYS = new Set(["name", "kind", "label", "icon", "issuer", "api_url", "client_id", "client_secret", "scopes", "auto_create", "link_by_email", "allowed_domains", "allowed_groups", "groups_claim", "admin_groups"]);

function httpUrl(v: string, what: string): string {
  if (!URL.canParse(v) || !/^https?:$/.test(new URL(v).protocol)) throw new FieldError(`${what} must be an http(s) URL, got ${JSON.stringify(v)}`);
  return v.replace(/\/+$/, "");
}

function parseOne(raw: unknown, i: number): ProviderConfig {
  const at = `provider ${i + 1}`;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new FieldError(`${at}: expected a table`);
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.has(k)) throw new FieldError(`${at}: unknown key "${k}"`);
  const str = (k: string, fallback?: string): string => {
    const v = o[k] ?? fallback;
    if (typeof v !== "string") throw new FieldError(`${at}: "${k}" ${v === undefined ? "is required" : "must be a string"}`);
    return v;
  };
  const bool = (k: string, fallback: boolean): boolean => {
    const v = o[k] ?? fallback;
    if (typeof v !== "boolean") throw new FieldError(`${at}: "${k}" must be true or false`);
    return v;
  };
  const list = (k: string, fallback: string[] = []): string[] => {
    const v = o[k] ?? fallback;
    if (!Array.isArray(v) || !v.every((s) => typeof s === "string")) throw new FieldError(`${at}: "${k}" must be a list of strings`);
    return v as string[];
  };
  const name = str("name");
  if (!NAME.test(name)) throw new FieldError(`${at}: name ${JSON.stringify(name)} must be 1-32 of a-z, 0-9, '_', '-' (the client sends it back as "op")`);
  const kind = str("kind", "oidc");
  if (!(PROVIDER_KINDS as readonly string[]).includes(kind)) throw new FieldError(`${at} (${name}): kind must be one of ${PROVIDER_KINDS.join(", ")}, got ${JSON.stringify(kind)}`);
  const github = kind === "github";
  const issuer = httpUrl(str("issuer", github ? "https://github.com" : undefined), `${name}: issuer`);
  const icon = str("icon", "");
  if (icon && !/^\s*<svg[\s>]/i.test(icon)) throw new FieldError(`${at} (${name}): icon must be SVG markup ("<svg …>")`);
  const auto_create = bool("auto_create", false);
  const scopes = list("scopes", github ? ["read:user", "user:email"] : ["openid", "email", "profile"]);
  if (github) {
    // Anyone with a GitHub account could make one here. A GitHub login's groups are its organisations.
    if (auto_create && !o.allowed_domains && !o.allowed_groups) throw new FieldError(`${at} (${name}): auto_create with kind "github" needs allowed_domains or allowed_groups (organisations), or any GitHub user could create an account`);
    if ((o.allowed_groups !== undefined || o.admin_groups !== undefined) && !scopes.includes("read:org"))
      throw new FieldError(`${at} (${name}): allowed_groups and admin_groups are GitHub organisations, which need "read:org" in scopes`);
  }
  return {
    name,
    kind: kind as ProviderKind,
    label: str("label", github ? "GitHub" : name.charAt(0).toUpperCase() + name.slice(1)),
    icon,
    issuer,
    api_url: httpUrl(str("api_url", issuer === "https://github.com" ? "https://api.github.com" : `${issuer}/api/v3`), `${name}: api_url`),
    client_id: str("client_id"),
    client_secret: str("client_secret"),
    scopes,
    auto_create,
    link_by_email: bool("link_by_email", false),
    allowed_domains: list("allowed_domains").map((d) => d.toLowerCase().replace(/^@/, "")),
    allowed_groups: list("allowed_groups"),
    groups_claim: str("groups_claim", "groups"),
    admin_groups: list("admin_groups"),
  };
}

export function providerList(o: { doc: string }): Field<readonly ProviderConfig[]> {
  return {
    default: [],
    doc: o.doc,
    mask: (v: readonly ProviderConfig[]) => v.map((p) => ({ ...p, client_secret: p.client_secret ? "***" : "" })),
    parse(raw, fromString) {
      let value = raw;
      if (fromString && typeof raw === "string") {
        try {
          value = JSON.parse(raw);
        } catch {
          throw new FieldError("expected a JSON array of provider tables");
        }
      }
      if (!Array.isArray(value)) throw new FieldError("expected a list of provider tables ([[sso.providers]])");
      const providers = value.map(parseOne);
      const seen = new Set<string>();
      for (const p of providers) {
        if (seen.has(p.name)) throw new FieldError(`two providers are named "${p.name}"`);
        seen.add(p.name);
      }
      return providers;
    },
  };
}
