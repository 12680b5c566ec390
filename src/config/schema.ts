// Every config key, its default and its documentation. `rdconsole config template` prints this
// file as commented TOML, and the README's config reference is written from it.
import { bool, cidrList, int, list, oneOf, size, str, url, type Field } from "./fields.ts";

export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug", "trace"] as const;

export const configSchema = {
  server: {
    host: str({ default: "0.0.0.0", doc: "Address to listen on (0.0.0.0 = every IPv4 interface, :: = IPv4 and IPv6).", pattern: /^\S+$/, hint: "expected a host name or IP address" }),
    port: int({ default: 21114, min: 0, max: 65535, doc: "TCP port. 21114 is the port a RustDesk client derives from its ID server (hbbs port - 2)." }),
    public_url: url({ default: "", doc: 'Public base URL of this server, used in links (e.g. "https://rd.example.com"). Empty: derived from each request.' }),
    trusted_proxies: cidrList({ default: [], doc: 'Reverse proxies (IPs or CIDRs) whose X-Forwarded-For is believed, e.g. ["127.0.0.1/32", "10.0.0.0/8"].' }),
    cors_origins: list({ default: ["*"], doc: 'Origins allowed to call /api/* from a browser (the RustDesk web client). ["*"] = any; [] = none.' }),
    body_limit: size({ default: 1024 * 1024, min: 1024, max: 256 * 1024 * 1024, doc: 'Largest request body accepted, in bytes or with a unit ("1MiB"). Larger bodies get 413.' }),
    shutdown_timeout: int({ default: 10, min: 0, max: 600, doc: "Seconds to wait for in-flight requests on SIGTERM/SIGINT before closing connections." }),
  },
  data: {
    dir: str({ default: "./data", doc: "Directory of the SQLite database and other state; created 0700. Relative paths in this file are resolved against the file's directory.", pattern: /\S/, hint: "expected a directory path" }),
  },
  log: {
    level: oneOf(LOG_LEVELS, { default: "info", doc: `Log level: ${LOG_LEVELS.join(", ")}.` }),
    format: oneOf(["pretty", "json"] as const, { default: "pretty", doc: "pretty (for people) or json (one JSON object per line, for log collectors)." }),
    requests: bool({ default: true, doc: "Log one line per HTTP request (method, path, status, duration, client IP; never bodies or tokens)." }),
  },
  openapi: {
    enabled: bool({ default: true, doc: "Serve the API documentation at /openapi and the OpenAPI document at /openapi.json." }),
  },
  auth: {
    password_min_length: int({ default: 8, min: 6, max: 128, doc: "Minimum length of a user password." }),
  },
} satisfies Record<string, Record<string, Field<unknown>>>;

export type ConfigSchema = typeof configSchema;
type ValueOf<F> = F extends Field<infer T> ? T : never;
export type Config = {
  readonly [S in keyof ConfigSchema]: { readonly [K in keyof ConfigSchema[S]]: ValueOf<ConfigSchema[S][K]> };
};
export type SectionName = keyof ConfigSchema;

export function eachField(schema: Record<string, Record<string, Field<unknown>>> = configSchema) {
  return Object.entries(schema).flatMap(([section, fields]) =>
    Object.entries(fields).map(([key, field]) => ({ section, key, path: `${section}.${key}`, field })),
  );
}

export const envName = (section: string, key: string) => `RDCONSOLE_${section}_${key}`.toUpperCase();
