// Human values, as Drawpile's admin API takes them: durations ("1.5 d", "90m", "2 w") and sizes
// ("15 mb", "1.5GiB"). Shared by the config loader (file, environment, flags) and the settings API.

const SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86_400, day: 86_400, days: 86_400,
  w: 604_800, wk: 604_800, week: 604_800, weeks: 604_800,
};

const BYTES: Record<string, number> = {
  "": 1, b: 1,
  k: 1024, kb: 1e3, kib: 1024,
  m: 1024 ** 2, mb: 1e6, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1e9, gib: 1024 ** 3,
  t: 1024 ** 4, tb: 1e12, tib: 1024 ** 4,
};

const NUMBER_UNIT = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i;

/** "1.5 d" → 129600 (seconds); undefined when it is not a duration with a unit. */
export function parseDuration(text: string): number | undefined {
  const m = NUMBER_UNIT.exec(text);
  const unit = m?.[2] ? SECONDS[m[2].toLowerCase()] : undefined;
  return unit === undefined ? undefined : Number(m![1]) * unit;
}

/** "15 mb" → 15000000, "1.5GiB" → 1610612736, "512" → 512; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = NUMBER_UNIT.exec(text);
  const unit = m ? BYTES[m[2]!.toLowerCase()] : undefined;
  return unit === undefined ? undefined : Math.floor(Number(m![1]) * unit);
}

const KEY_UNITS: [RegExp, string, number][] = [
  [/(^|_)seconds$/, "seconds", 1],
  [/(^|_)minutes$/, "minutes", 60],
  [/(^|_)hours$/, "hours", 3600],
  [/(^|_)days$/, "days", 86_400],
  [/(^|_)ms$/, "milliseconds", 0.001],
];

/** The unit of an integer key named after one (`lockout.minutes`, `audit.conn_days`), else undefined. */
export function durationUnit(path: string): { name: string; seconds: number } | undefined {
  const key = path.slice(path.indexOf(".") + 1);
  const hit = KEY_UNITS.find(([re]) => re.test(key));
  return hit && { name: hit[1], seconds: hit[2] };
}
