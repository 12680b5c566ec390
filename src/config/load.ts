// defaults < config file < environment (RDCONSOLE_<SECTION>_<KEY>) < command-line flags.
// Every problem is collected and reported at once; the result is frozen.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseToml, TomlError } from "smol-toml";
import { FieldError, type Field } from "./fields.ts";
import { configSchema, crossChecks, eachField, envName, type Config } from "./schema.ts";
import { didYouMean } from "./suggest.ts";
import { parseField } from "./parse-field.ts";

export const DEFAULT_CONFIG_PATH = "/etc/rdconsole/rdconsole.toml";
export const CONFIG_ENV = "RDCONSOLE_CONFIG";

export type Source = "default" | "file" | "env" | "flag";

export interface LoadOptions {
  /** --config; wins over RDCONSOLE_CONFIG and the default path. */
  configPath?: string;
  env?: Record<string, string | undefined>;
  /** Dotted key → raw value, e.g. { "server.port": "8080" }. */
  flags?: Record<string, string | undefined>;
  cwd?: string;
  defaultConfigPath?: string;
  /** TOML text to read in place of a config file (the admin API's config check); named `textName` in problems. */
  text?: string;
  textName?: string;
}

export interface LoadedConfig {
  readonly config: Config;
  readonly file: string | null;
  readonly sources: Readonly<Record<string, Source>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

function pickFile(o: LoadOptions, env: Record<string, string | undefined>): { path: string | null; explicit: boolean } {
  const given = o.configPath ?? env[CONFIG_ENV];
  if (given) return { path: resolve(o.cwd ?? process.cwd(), given), explicit: true };
  const fallback = o.defaultConfigPath ?? DEFAULT_CONFIG_PATH;
  return { path: existsSync(fallback) ? fallback : null, explicit: false };
}

function readFile(path: string, problems: string[], given?: string): Record<string, unknown> {
  let text: string;
  try {
    text = given ?? readFileSync(path, "utf8");
  } catch (e) {
    problems.push(`config file ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : (e as Error).message}`);
    return {};
  }
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const where = e instanceof TomlError ? ` (line ${e.line}, column ${e.column})` : "";
    problems.push(`config file ${path}: not valid TOML${where}: ${(e as Error).message.split("\n")[0]}`);
    return {};
  }
}

function checkUnknownFileKeys(doc: Record<string, unknown>, path: string, problems: string[]) {
  const sections = Object.keys(configSchema);
  for (const [section, body] of Object.entries(doc)) {
    const fields = (configSchema as Record<string, Record<string, Field<unknown>>>)[section];
    if (!fields || typeof body !== "object" || body === null || Array.isArray(body)) {
      problems.push(`${path}: unknown ${fields ? "value" : "section"} "${section}"${fields ? ` (expected a [${section}] table)` : didYouMean(section, sections)}`);
      continue;
    }
    for (const key of Object.keys(body)) {
      if (!(key in fields)) {
        const all = eachField().map((f) => f.path);
        problems.push(`${path}: unknown key "${section}.${key}"${didYouMean(`${section}.${key}`, all)}`);
      }
    }
  }
}

function checkUnknownEnv(env: Record<string, string | undefined>, problems: string[]) {
  const known = new Set([CONFIG_ENV, ...eachField().map((f) => envName(f.section, f.key))]);
  for (const name of Object.keys(env)) {
    if (name.startsWith("RDCONSOLE_") && !known.has(name))
      problems.push(`environment: unknown setting ${name}${didYouMean(name, [...known])}`);
  }
}

export function loadConfig(o: LoadOptions = {}): LoadedConfig {
  const env = o.env ?? process.env;
  const cwd = o.cwd ?? process.cwd();
  const problems: string[] = [];
  const { path: file } = o.text !== undefined ? { path: o.textName ?? "<text>" } : pickFile(o, env);
  const doc = file ? readFile(file, problems, o.text) : {};
  if (file) checkUnknownFileKeys(doc, file, problems);
  checkUnknownEnv(env, problems);

  const out: Record<string, Record<string, unknown>> = {};
  const sources: Record<string, Source> = {};
  for (const { section, key, path, field } of eachField()) {
    let value: unknown = field.default;
    let source: Source = "default";
    const tries: [Source, unknown, string][] = [];
    const fromFile = (doc[section] as Record<string, unknown> | undefined)?.[key];
    if (fromFile !== undefined) tries.push(["file", fromFile, `${path} in ${file}`]);
    const fromEnv = env[envName(section, key)];
    if (fromEnv !== undefined) tries.push(["env", fromEnv, `${path} (from ${envName(section, key)})`]);
    const fromFlag = o.flags?.[path];
    if (fromFlag !== undefined) tries.push(["flag", fromFlag, `${path} (from the command line)`]);
    for (const [src, raw, label] of tries) {
      try {
        value = parseField(path, field, raw, src !== "file");
        source = src;
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        problems.push(`${label}: ${e.message}`);
      }
    }
    (out[section] ??= {})[key] = value;
    sources[path] = source;
  }
  if (!problems.length) for (const check of crossChecks) problems.push(check(out as unknown as Config) ?? "");
  const found = problems.filter(Boolean);
  if (found.length) throw new ConfigError(found);

  // Relative data dirs: against the config file's directory when set there, else the working directory.
  const data = out.data as { dir: string };
  data.dir = resolve(sources["data.dir"] === "file" && file ? dirname(file) : cwd, data.dir);

  return deepFreeze({ config: out as unknown as Config, file, sources });
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    for (const inner of Object.values(v)) deepFreeze(inner);
    Object.freeze(v);
  }
  return v;
}
