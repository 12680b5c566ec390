// The console layer: settings saved from the admin API or `rdconsole settings set` (in the database)
// sit between the config file and the environment: defaults < file < console < env < flags.
import type { Field } from "./fields.ts";
import type { LoadedConfig, Source } from "./load.ts";
import { parseField } from "./parse-field.ts";
import { crossChecks, eachField, type Config } from "./schema.ts";
import { FieldError } from "./fields.ts";

export type SettingSource = Source | "console";

/**
 * Keys whose every consumer reads the value when it uses it (or is rebuilt from it): a change takes
 * effect at once. Others are read when the server starts (listeners, rate counters, caches sized at
 * start, the heartbeat path) and need a restart.
 */
const RUNTIME = [
  "server.body_limit",
  "lockout.*",
  "auth.password_min_length", "auth.session_days", "auth.max_sessions_per_user", "auth.totp_window", "auth.email_code_minutes", "auth.code_attempts", "auth.verify_new_devices",
  "address_book.*",
  "audit.conn_days", "audit.file_days", "audit.alarm_days", "audit.console_days",
  "recording.enabled", "recording.device_quota", "recording.total_quota", "recording.min_free", "recording.max_files_per_device", "recording.max_files", "recording.days",
  "devices.registration",
  "notify.alarm_webhooks", "notify.alarm_emails", "notify.lockout_webhooks", "notify.lockout_emails", "notify.device_webhooks", "notify.device_emails",
  "notify.webhook_secret", "notify.queue_size", "notify.retries", "notify.timeout_seconds",
  "smtp.*",
];

/** The config file, env or flags only, and why. */
const FILE_ONLY: [string, string][] = [
  ["data.*", "needed before the database (where console settings live) is opened"],
  ["log.*", "needed before the database (where console settings live) is opened"],
  ["auth.secret_key", "it encrypts secrets inside the database, so it is never stored there"],
  ["sso.providers", "provider tables are kept in the config file"],
];

const matches = (patterns: string[], path: string) => patterns.some((p) => p === path || (p.endsWith(".*") && path.startsWith(p.slice(0, -1))));
export const isRuntime = (path: string) => matches(RUNTIME, path);
/** Why a key is set in the config file, env or flags only, or undefined. */
export const fileOnlyReason = (path: string) => FILE_ONLY.find(([p]) => matches([p], path))?.[1];
export const isFileOnly = (path: string) => fileOnlyReason(path) !== undefined;
export const isPinned = (source: SettingSource | undefined) => source === "env" || source === "flag";

export interface Layered {
  readonly config: Config;
  readonly sources: Readonly<Record<string, SettingSource>>;
  /** Every problem found, "key: what is wrong". */
  readonly problems: string[];
}

/**
 * The loaded config with console values laid over it. A key pinned by the environment or a flag keeps
 * its value (those win), and so does a file-only key. `lenient`: a value that fails is skipped (the
 * server starting with a database written by another version), else reported.
 */
export function applyConsole(base: LoadedConfig, overrides: Readonly<Record<string, unknown>>, lenient = false): Layered {
  const out: Record<string, Record<string, unknown>> = {};
  const sources: Record<string, SettingSource> = {};
  const problems: string[] = [];
  const values = base.config as unknown as Record<string, Record<string, unknown>>;
  for (const { section, key, path, field } of eachField()) {
    let value = values[section]![key];
    let source: SettingSource = base.sources[path] ?? "default";
    const raw = overrides[path];
    if (raw !== undefined && !isPinned(source) && !isFileOnly(path)) {
      try {
        value = parseField(path, field as Field<unknown>, raw, typeof raw === "string");
        source = "console";
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        problems.push(`${path}: ${e.message}`);
      }
    }
    (out[section] ??= {})[key] = value;
    sources[path] = source;
  }
  const crossed = crossChecks.map((check) => check(out as unknown as Config)).filter((p): p is string => p !== null);
  // Lenient: values that break a rule between keys are all set aside (the base config passed those rules).
  if (lenient && crossed.length) return { ...applyConsole(base, {}), problems: [...problems, ...crossed] };
  if (!problems.length) problems.push(...crossed);
  return { config: deepFreeze(out) as unknown as Config, sources, problems };
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    for (const inner of Object.values(v)) deepFreeze(inner);
    Object.freeze(v);
  }
  return v;
}
