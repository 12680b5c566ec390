// Every setting as the admin API and `rdconsole settings get` show it: value, default, where the value
// comes from, whether it can change while the server runs, and whether this API may change it.
import type { Field } from "../config/fields.ts";
import { fileOnlyReason, isPinned, isRuntime, type SettingSource } from "../config/layers.ts";
import type { LiveConfig } from "../config/live.ts";
import { durationUnit } from "../config/human.ts";
import { eachField, envName } from "../config/schema.ts";
import { notFound } from "../core/errors.ts";
import { didYouMean } from "../config/suggest.ts";

export interface Setting {
  key: string;
  value: unknown;
  default: unknown;
  source: SettingSource;
  /** A change takes effect without a restart. */
  runtime: boolean;
  /** Saved but not in force until the server restarts. */
  restart_pending: boolean;
  secret: boolean;
  /** What a number counts (seconds … days, milliseconds, bytes): such keys also take a human value. */
  unit?: string;
  editable: boolean;
  /** Why it cannot be changed here (when not editable). */
  read_only_reason?: string;
  description: string;
}

/** What a person may see of a value: secrets as "***" (an empty one stays ""). */
export function shownValue(field: Field<unknown>, value: unknown): unknown {
  if (field.secret) return value === "" ? "" : "***";
  return field.mask ? field.mask(value) : value;
}

/** Why a key cannot be set from the console, or undefined when it can. */
export function readOnlyReason(live: LiveConfig, path: string): string | undefined {
  const fileOnly = fileOnlyReason(path);
  if (fileOnly) return `set in the config file, the environment or a flag only (${fileOnly})`;
  const source = live.base.sources[path];
  if (isPinned(source)) {
    const [section, key] = path.split(".") as [string, string];
    return `pinned by ${source === "env" ? `the environment variable ${envName(section, key)}` : "a command-line flag"}; change it there`;
  }
  return undefined;
}

const valueAt = (config: unknown, path: string) => {
  const [section, key] = path.split(".") as [string, string];
  return (config as Record<string, Record<string, unknown>>)[section]?.[key];
};

const unitOf = (path: string, field: Field<unknown>) => (typeof field.default === "number" ? (durationUnit(path)?.name ?? field.unit) : undefined);

export function listSettings(live: LiveConfig): Setting[] {
  live.sync();
  const now = live.current();
  return eachField().map(({ path, field }) => {
    const value = valueAt(now.config, path);
    const reason = readOnlyReason(live, path);
    const runtime = isRuntime(path);
    return {
      key: path,
      value: shownValue(field, value),
      default: shownValue(field, field.default),
      source: now.sources[path] ?? "default",
      runtime,
      restart_pending: !runtime && JSON.stringify(valueAt(live.config, path)) !== JSON.stringify(value),
      secret: field.secret === true,
      ...(unitOf(path, field) ? { unit: unitOf(path, field) } : {}),
      editable: reason === undefined,
      ...(reason ? { read_only_reason: reason } : {}),
      description: field.doc,
    };
  });
}

export function getSetting(live: LiveConfig, key: string): Setting {
  const hit = listSettings(live).find((s) => s.key === key);
  if (!hit) throw notFound(`unknown setting "${key}"${didYouMean(key, eachField().map((f) => f.path))}`);
  return hit;
}
