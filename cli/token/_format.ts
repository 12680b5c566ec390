// How the token commands show a token: never its secret or hash; the book's connect password masked.
import type { ArgsDef } from "citty";
import type { Token } from "../../src/tokens/model.ts";
import { shownPresets } from "../../src/tokens/presets.ts";
import { formatScopes } from "../../src/tokens/scopes.ts";
import { io } from "../_io.ts";
import { isoOrDash } from "../_values.ts";

export const refArg = { token: { type: "positional", description: "Token name or prefix (rdc_…)", required: true } } as const satisfies ArgsDef;

export const label = (t: Pick<Token, "kind">) => (t.kind === "enrol" ? "enrolment key" : "API token");
export const shownPrefix = (t: Pick<Token, "prefix">) => `rdc_${t.prefix}`;
export const usesOf = (t: Token) => (t.kind === "enrol" || t.uses ? `${t.uses}/${t.maxUses ?? "unlimited"}` : "-");
export const expiresOf = (t: Token) => (t.expiresAt === null ? "never" : isoOrDash(t.expiresAt));

/** One JSON object per token, stable field names. */
export const tokenJson = (t: Token) => ({
  guid: t.guid,
  name: t.name,
  kind: t.kind,
  prefix: shownPrefix(t),
  scopes: t.scopes,
  owner: t.owner,
  state: t.state,
  note: t.note,
  presets: shownPresets(t.presets),
  max_uses: t.maxUses,
  uses: t.uses,
  lock: t.lock,
  created_at: new Date(t.createdAt).toISOString(),
  last_used_at: t.lastUsedAt === null ? null : new Date(t.lastUsedAt).toISOString(),
  expires_at: t.expiresAt === null ? null : new Date(t.expiresAt).toISOString(),
  revoked_at: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
});

const PRESET_WORDS: [keyof Token["presets"], string][] = [
  ["user", "user"],
  ["device_group", "device group"],
  ["strategy", "strategy"],
  ["address_book", "address book"],
  ["ab_tag", "address-book tag"],
  ["ab_alias", "address-book alias"],
  ["ab_note", "address-book note"],
  ["ab_password", "address-book password"],
  ["note", "device note"],
];

export function presetLines(t: Token): string[] {
  const p = shownPresets(t.presets);
  return PRESET_WORDS.filter(([k]) => p[k] !== undefined).map(([k, w]) => `  ${w}: ${p[k]}`);
}

/** The secret, once, with the warning that goes with it. */
export function printSecret(secret: string): void {
  io.out(`${secret}\n`);
  io.out("This token will not be shown again: store it now (rdconsole keeps only its hash).\n");
}

export const scopesOf = (t: Token) => formatScopes(t.scopes) || "-";
