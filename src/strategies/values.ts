// Whether a value is in its key's domain, per kind; values are trimmed, and lists re-joined without blanks,
// since the client reads them so or worse (it does not trim whitelist entries:
// client: src/server/connection.rs:1267-1271 (rustdesk@7423dced)).
import { parseCidr, parseIp } from "../net/cidr.ts";
import type { KeySpec } from "./types.ts";

export interface CheckedValue {
  /** The value to store: trimmed, lists without blank entries. */
  value: string;
  /** What is wrong with the value, when something is; the lint adds what is allowed. */
  problem?: string;
}

const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** Only what the client's parser takes: no brackets, zone or spaces, which net/cidr would forgive. */
function isIpOrCidr(entry: string): boolean {
  return /^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(entry) && parseCidr(entry) !== null;
}

// RustDesk IDs (digits by default, letters when customised) and id@server, with * and ? wildcards.
const ID_PATTERN = /^[A-Za-z0-9_@.:*?-]{1,64}$/;

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

function isHost(value: string): boolean {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(value);
  if (!m) return false;
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65535)) return false;
  if (m[1] !== undefined) return parseIp(m[1])?.v6 === true && /^[0-9A-Fa-f:.]+$/.test(m[1]);
  const host = m[2]!;
  return host.length <= 253 && host.split(".").every((l) => LABEL.test(l));
}

function isUrl(value: string, schemes: readonly string[]): boolean {
  if (/\s/.test(value)) return false;
  try {
    const u = new URL(value);
    return schemes.includes(u.protocol) && u.hostname !== "";
  } catch {
    return false;
  }
}

/** Each entry of a comma-separated list, trimmed, blanks dropped; the first that fails `ok` is the problem. */
function checkList(value: string, ok: (entry: string) => boolean, what: string): CheckedValue {
  const entries = value.split(",").map((e) => e.trim()).filter((e) => e !== "");
  const joined = entries.join(",");
  if (!entries.length) return { value: joined, problem: "the list is empty" };
  const bad = entries.find((e) => !ok(e));
  return bad === undefined ? { value: joined } : { value: joined, problem: `${quote(bad)} is not ${what}` };
}

export function checkValue(spec: KeySpec, raw: string): CheckedValue {
  const value = raw.trim();
  const fail = (problem = `${quote(value)} is not allowed`): CheckedValue => ({ value, problem });
  switch (spec.kind) {
    case "enable":
    case "allow":
    case "enum":
      return spec.values!.includes(value) ? { value } : fail();
    case "number": {
      if (!/^\d{1,10}$/.test(value)) return fail(`${quote(value)} is not a whole number`);
      const n = Number(value);
      return n < spec.min! || n > spec.max! ? fail(`${n} is out of range`) : { value: String(n) };
    }
    case "ip-list":
      return checkList(value, isIpOrCidr, "an IP address or CIDR");
    case "id-list":
      return checkList(value, (e) => ID_PATTERN.test(e), "an ID pattern");
    case "text":
      if (value.length > spec.maxLength!) return fail(`the value is ${value.length} characters long`);
      if (spec.format === "windows-path" && !/^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/])/.test(value)) return fail(`${quote(value)} is not an absolute Windows path`);
      return { value };
    case "server":
      switch (spec.format) {
        case "host":
          return isHost(value) ? { value } : fail(`${quote(value)} is not a host or host:port`);
        case "url":
          return isUrl(value, ["http:", "https:"]) ? { value } : fail(`${quote(value)} is not an http(s) URL`);
        case "public-key":
          return /^[A-Za-z0-9+/]{43}=$/.test(value) ? { value } : fail(`${quote(value)} is not a base64 public key`);
        default:
          // The client keeps only URLs with a host: stun:host without // has none (client: libs/hbb_common/src/webrtc.rs:140-166 (rustdesk@7423dced)).
          return checkList(value, (e) => isUrl(e, ["stun:", "stuns:", "turn:", "turns:"]), "a stun:// or turn:// URL with a host");
      }
  }
}
