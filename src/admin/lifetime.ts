// How long something the admin API creates lasts (a token's or a ban's `expires`): the CLI's words —
// 30m, 12h, 90d, 2w or never — so a script can pass on what a person would type.
import { invalid } from "../core/errors.ts";

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export const LIFETIME_SYNTAX = "a duration such as 30m, 12h, 90d, 2w, or never";

/** Milliseconds, or null for never (also when absent); INVALID_INPUT otherwise. */
export function lifetime(field: string, value: string | undefined): number | null {
  if (value === undefined || value === "never") return null;
  const m = /^(\d{1,9})([mhdw])$/.exec(value.trim());
  if (!m || Number(m[1]) === 0) throw invalid(`${field} takes ${LIFETIME_SYNTAX}, not "${value.slice(0, 40)}"`);
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  if (ms > 100 * 365 * UNITS.d!) throw invalid(`${field} is at most 100 years; use never for a permanent one`);
  return ms;
}
