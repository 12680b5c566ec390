// `config dump` (effective values, secrets masked, with where each came from) and
// `config template` (every key commented out with its documentation).
import { stringify } from "smol-toml";
import type { Field } from "./fields.ts";
import type { LoadedConfig } from "./load.ts";
import { configSchema, envName } from "./schema.ts";

type Schema = Record<string, Record<string, Field<unknown>>>;

const toml = (v: unknown) => stringify({ v }).replace(/^v = /, "").trim();

export function dumpConfig(loaded: LoadedConfig, schema: Schema = configSchema): string {
  const values = loaded.config as unknown as Record<string, Record<string, unknown>>;
  const lines = [`# effective configuration (config file: ${loaded.file ?? "none"})`];
  for (const [section, fields] of Object.entries(schema)) {
    lines.push("", `[${section}]`);
    for (const [key, field] of Object.entries(fields)) {
      const value = values[section]?.[key];
      const shown = field.secret && value !== "" ? '"***"' : toml(field.mask ? field.mask(value) : value);
      const source = loaded.sources[`${section}.${key}`] ?? "default";
      lines.push(`${key} = ${shown}`.padEnd(40) + `  # ${source}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function configTemplate(overrides: Record<string, unknown> = {}, schema: Schema = configSchema): string {
  const lines = [
    "# rdconsole configuration. Every key is optional; the commented value is the default.",
    "# Precedence: defaults < this file < environment (RDCONSOLE_<SECTION>_<KEY>) < command-line flags.",
    "# Check it with: rdconsole config check --config <this file>",
  ];
  for (const [section, fields] of Object.entries(schema)) {
    lines.push("", `[${section}]`);
    for (const [key, field] of Object.entries(fields)) {
      lines.push(`# ${field.doc} (env ${envName(section, key)})`);
      const path = `${section}.${key}`;
      if (path in overrides) lines.push(`${key} = ${toml(overrides[path])}`);
      else lines.push(`# ${key} = ${toml(field.default)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
