// Parsing of option values shared by several commands.
import { UsageError } from "./_io.ts";

/** One spelling each: `--admin=no` or `--admin 1` is refused rather than guessed at. */
export function onOff(flag: string, value: string): boolean {
  if (value === "on") return true;
  if (value === "off") return false;
  throw new UsageError(`--${flag} takes on or off, not ${JSON.stringify(value)}`);
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "30m", "12h", "7d", "2w" → milliseconds; "never" → null. */
export function duration(flag: string, value: string): number | null {
  if (value === "never") return null;
  const m = /^(\d+)([mhdw])$/.exec(value.trim());
  if (!m || Number(m[1]) === 0) throw new UsageError(`--${flag} takes a duration such as 30m, 12h, 7d, 2w or never, not "${value}"`);
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  if (ms > 100 * 365 * UNITS.d!) throw new UsageError(`--${flag} is at most 100 years; use never for a permanent one`);
  return ms;
}

export const isoOrDash = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString().replace(/\.\d+Z$/, "Z") : "-");
