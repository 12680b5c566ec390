// Permission areas of an API token, after RustDesk Server Pro's (Settings → Tokens: Device, Audit Log, User,
// Group, Strategy, Address Book; each none / read / read-write: ../shared/spec/pro-admin-api.md §1.2), plus
// `enrol` (the --assign/--deploy endpoints only) and `admin` (everything). The one scope check lives here.
import { invalid } from "../core/errors.ts";
import type { TokenScopes } from "../db/schema.ts";

export const AREAS = ["devices", "users", "groups", "strategies", "address_books", "audit", "enrol", "admin"] as const;
export type Area = (typeof AREAS)[number];
export type Access = "r" | "rw";
export type { TokenScopes };

/** What a request needs: an area (admin: only the admin scope itself covers it — tokens, bans) and read or write. */
export interface Need {
  area: Area;
  write: boolean;
}

const isArea = (a: string): a is Area => (AREAS as readonly string[]).includes(a);
const rank = (a: Access | undefined) => (a === "rw" ? 2 : a === "r" ? 1 : 0);

/** What the scopes grant in an area: its own access or admin's, whichever is more. */
export function accessIn(scopes: TokenScopes, area: Area): Access | undefined {
  const best = Math.max(rank(scopes[area]), rank(scopes.admin));
  return best === 2 ? "rw" : best === 1 ? "r" : undefined;
}

export const covers = (scopes: TokenScopes, need: Need) => rank(accessIn(scopes, need.area)) >= (need.write ? 2 : 1);

export const SCOPE_SYNTAX = `AREA:r or AREA:rw, AREA one of ${AREAS.join(", ")}`;

/** "devices:rw" → ["devices", "rw"]. */
export function parseScope(word: string): [Area, Access] {
  const m = /^([a-z_]+):(r|rw)$/.exec(word.trim());
  if (!m || !isArea(m[1]!)) throw invalid(`invalid scope "${word.slice(0, 80)}": use ${SCOPE_SYNTAX}`);
  return [m[1], m[2] as Access];
}

/** Scope words → scopes; an area named twice is refused rather than guessed at. */
export function parseScopes(words: readonly string[]): TokenScopes {
  const out: TokenScopes = {};
  for (const w of words) {
    const [area, access] = parseScope(w);
    if (out[area]) throw invalid(`the scope of ${area} is given twice`);
    out[area] = access;
  }
  return out;
}

/** Checks scopes that come from elsewhere than words (a JSON body later): known areas, r or rw, at least one. */
export function checkScopes(scopes: Record<string, unknown>): TokenScopes {
  const out: TokenScopes = {};
  for (const [area, access] of Object.entries(scopes)) {
    if (!isArea(area) || (access !== "r" && access !== "rw")) throw invalid(`invalid scope ${area}:${String(access).slice(0, 20)}: use ${SCOPE_SYNTAX}`);
    out[area] = access;
  }
  if (!Object.keys(out).length) throw invalid(`a token needs at least one scope (${SCOPE_SYNTAX})`);
  return out;
}

/** "devices:rw users:r", in the order of AREAS. */
export const formatScopes = (scopes: TokenScopes) =>
  AREAS.filter((a) => scopes[a])
    .map((a) => `${a}:${scopes[a]}`)
    .join(" ");
