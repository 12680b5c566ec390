// Typed config fields. `parse` receives a TOML value (file) or a string (env, flags) and
// throws FieldError with a message that names what was expected.
import { parseCidr } from "../net/cidr.ts";
import { parseDuration, parseSize } from "./human.ts";

export class FieldError extends Error {}

export interface Field<T> {
  readonly default: T;
  readonly doc: string;
  readonly secret?: boolean;
  /** "bytes" for a size (takes "15 mb" too). */
  readonly unit?: "bytes";
  /** What `config dump` shows instead of a value with secrets inside. */
  mask?(value: T): unknown;
  parse(raw: unknown, fromString: boolean): T;
}

interface Common<T> {
  default: T;
  doc: string;
  secret?: boolean;
}

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : `${typeof v} ${JSON.stringify(v)}`);

export function str(o: Common<string> & { pattern?: RegExp; hint?: string; maxLength?: number }): Field<string> {
  return {
    ...o,
    parse(raw) {
      if (typeof raw !== "string") throw new FieldError(`expected a string, got ${show(raw)}`);
      if (o.maxLength !== undefined && raw.length > o.maxLength)
        throw new FieldError(`must be at most ${o.maxLength} characters`);
      if (o.pattern && !o.pattern.test(raw)) throw new FieldError(`${o.hint ?? "invalid value"}, got ${show(raw)}`);
      return raw;
    },
  };
}

export function int(o: Common<number> & { min: number; max: number }): Field<number> {
  return {
    ...o,
    parse(raw, fromString) {
      let v: unknown = raw;
      if (typeof raw === "bigint") v = Number(raw);
      if (fromString && typeof raw === "string" && /^-?\d+$/.test(raw.trim())) v = Number(raw.trim());
      if (typeof v !== "number" || !Number.isInteger(v) || v < o.min || v > o.max)
        throw new FieldError(`expected an integer from ${o.min} to ${o.max}, got ${show(raw)}`);
      return v;
    },
  };
}

export function bool(o: Common<boolean>): Field<boolean> {
  return {
    ...o,
    parse(raw, fromString) {
      if (typeof raw === "boolean") return raw;
      if (fromString && typeof raw === "string") {
        const s = raw.trim().toLowerCase();
        if (["true", "1", "yes", "on"].includes(s)) return true;
        if (["false", "0", "no", "off"].includes(s)) return false;
      }
      throw new FieldError(`expected true or false, got ${show(raw)}`);
    },
  };
}

export function oneOf<const V extends string>(values: readonly V[], o: Common<V>): Field<V> {
  return {
    ...o,
    parse(raw) {
      if (typeof raw === "string" && (values as readonly string[]).includes(raw)) return raw as V;
      throw new FieldError(`expected one of ${values.join(", ")}, got ${show(raw)}`);
    },
  };
}

/** A list: a TOML array, or a comma-separated string from the environment or a flag. */
export function list(o: Common<readonly string[]> & { item?: (s: string) => string | null; itemHint?: string }): Field<readonly string[]> {
  return {
    ...o,
    parse(raw, fromString) {
      let items: unknown[];
      if (Array.isArray(raw)) items = raw;
      else if (fromString && typeof raw === "string") items = raw.split(",").map((s) => s.trim()).filter(Boolean);
      else throw new FieldError(`expected a list of strings, got ${show(raw)}`);
      return items.map((item) => {
        if (typeof item !== "string") throw new FieldError(`expected a list of strings, got an item ${show(item)}`);
        if (!o.item) return item;
        const ok = o.item(item);
        if (ok === null) throw new FieldError(`${o.itemHint ?? "invalid item"}: ${JSON.stringify(item)}`);
        return ok;
      });
    },
  };
}

export const cidrList = (o: Common<readonly string[]>) =>
  list({ ...o, item: (s) => (parseCidr(s) ? s : null), itemHint: "not an IP address or CIDR range" });

/** A byte size: an integer, or a string such as "512KiB" or "1MB". */
export function size(o: Common<number> & { min: number; max: number }): Field<number> {
  return {
    ...o,
    unit: "bytes",
    parse(raw) {
      let bytes: number | undefined;
      if (typeof raw === "number" && Number.isInteger(raw)) bytes = raw;
      else if (typeof raw === "string") bytes = parseSize(raw);
      if (bytes === undefined || bytes < o.min || bytes > o.max)
        throw new FieldError(`expected a size from ${o.min} to ${o.max} bytes (e.g. "1MiB"), got ${show(raw)}`);
      return bytes;
    },
  };
}

/** An absolute http(s) URL without a trailing slash, or "" for "not set". */
export function url(o: Common<string>): Field<string> {
  return {
    ...o,
    parse(raw) {
      if (raw === "") return "";
      if (typeof raw === "string" && URL.canParse(raw)) {
        const u = new URL(raw);
        if ((u.protocol === "http:" || u.protocol === "https:") && !u.search && !u.hash) return raw.replace(/\/+$/, "");
      }
      throw new FieldError(`expected an absolute http:// or https:// URL, got ${show(raw)}`);
    },
  };
}

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration in milliseconds: "90s", "30m", "24h", "7d", "2w"; "" or "0" = off (0). */
export function duration(o: Common<number> & { min: number; max: number }): Field<number> {
  return {
    ...o,
    // `config dump` shows what one would write: "24h", not 86400000.
    mask(ms) {
      if (ms === 0) return "";
      const [unit, size] = Object.entries(DURATION_UNITS).reverse().find(([, size]) => ms % size === 0)!;
      return `${ms / size}${unit}`;
    },
    parse(raw) {
      let ms: number | undefined;
      if (raw === "" || raw === "0" || raw === 0 || raw === 0n) ms = 0;
      else if (typeof raw === "string") {
        const seconds = parseDuration(raw); // the settings' human durations: "24h", "1.5 d", "2 w"
        if (seconds !== undefined) ms = Math.round(seconds * 1000);
      }
      if (ms === undefined || (ms !== 0 && (ms < o.min || ms > o.max)))
        throw new FieldError(`expected a duration such as "30m", "24h" or "7d" ("" or "0" = off), from ${o.min / 1000} s to ${o.max / 86_400_000} days, got ${show(raw)}`);
      return ms;
    },
  };
}

/** "host:port" ("[::1]:9114" for IPv6), port 0 to 65535 (0: any free port), or "" (off). */
export function listenAddress(o: Common<string>): Field<string> {
  return {
    ...o,
    parse(raw) {
      if (raw === "") return "";
      const m = typeof raw === "string" ? /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(raw) : null;
      if (!m || Number(m[2]) > 65535) throw new FieldError(`expected "host:port" (e.g. "127.0.0.1:9114", "[::1]:9114") or "" for off, got ${show(raw)}`);
      return raw as string;
    },
  };
}

/** Host and port of a valid listenAddress value (IPv6 without its brackets). */
export function splitListen(value: string): { host: string; port: number } {
  const i = value.lastIndexOf(":");
  return { host: value.slice(0, i).replace(/^\[|\]$/g, ""), port: Number(value.slice(i + 1)) };
}
