// Free space where the data dir lives: SQLite needs room to grow and to checkpoint its log.
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { diskFree } from "../db/storage.ts";
import { fail, ok, skip, warn, type CheckResult } from "./check.ts";

export interface DiskThresholds {
  warnBelow: number;
  failBelow: number;
}

export const DISK_THRESHOLDS: DiskThresholds = { warnBelow: 1024 ** 3, failBelow: 100 * 1024 ** 2 };
const human = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(0)} MiB`);

/** The data dir, or its nearest existing parent before the first start creates it. */
const existing = (dir: string): string => (existsSync(dir) || dirname(dir) === dir ? dir : existing(dirname(dir)));

export function checkDisk(dir: string, t: DiskThresholds = DISK_THRESHOLDS): CheckResult {
  const name = "disk space";
  const free = diskFree(existing(dir));
  if (free === null) return skip(name, `cannot read the file system of ${dir}`);
  const fix = `free space on the file system of ${dir} (old recordings: rdconsole recording delete; audit retention: [audit] *_days)`;
  if (free < t.failBelow) return fail(name, `${human(free)} free (fails below ${human(t.failBelow)})`, fix);
  if (free < t.warnBelow) return warn(name, `${human(free)} free (warns below ${human(t.warnBelow)})`, fix);
  return ok(name, `${human(free)} free`);
}
