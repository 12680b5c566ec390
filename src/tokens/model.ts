// A token as every transport shows it: never the secret, never its hash.
import type { apiTokens, EnrolPresets, TokenScopes } from "../db/schema.ts";

export type TokenRow = typeof apiTokens.$inferSelect;
export type TokenState = "active" | "revoked" | "expired" | "used_up";

export interface Token {
  guid: string;
  name: string;
  kind: "api" | "enrol";
  prefix: string;
  scopes: TokenScopes;
  /** The owner's name; null once the owner was deleted (the token is then refused). */
  owner: string | null;
  note: string;
  presets: EnrolPresets;
  maxUses: number | null;
  uses: number;
  lock: boolean;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
  state: TokenState;
}

export function stateOf(row: Pick<TokenRow, "revokedAt" | "expiresAt" | "maxUses" | "uses">, now: number): TokenState {
  if (row.revokedAt !== null) return "revoked";
  if (row.expiresAt !== null && row.expiresAt <= now) return "expired";
  if (row.maxUses !== null && row.uses >= row.maxUses) return "used_up";
  return "active";
}

export function toToken(row: TokenRow, owner: string | null, now: number): Token {
  const { id: _id, tokenHash: _hash, ownerId: _owner, ...rest } = row;
  return { ...rest, owner, state: stateOf(row, now) };
}

/** "API token" or "enrolment key", for messages. */
export const kindLabel = (row: Pick<TokenRow, "kind">) => (row.kind === "enrol" ? "enrolment key" : "API token");

export const tokenTarget = (row: Pick<TokenRow, "guid" | "name">) => ({ type: "token", guid: row.guid, name: row.name });

export const isoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
