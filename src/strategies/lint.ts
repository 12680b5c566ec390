// The lint every strategy edit passes (CLI, file apply, admin API): nothing a device would silently ignore or
// misread, nothing that takes it away from this server unless the admin says so.
//
// An empty value is refused. The client removes a key sent with "" and falls back to its default
// (client: src/hbbs_http/sync.rs:287-304 (rustdesk@7423dced)); delivery already sends "" for a key that leaves a
// device's set, so in a strategy "" would only be a confusing way to say "unset" (or a shell variable that was
// empty). Every key's default has a value of its own to force it: Y/N, custom, password-click, use-both-passwords, 0.0.0.0.
import { didYouMean } from "../config/suggest.ts";
import { allowedText, type KeySpec, keySpec, REASONS, refusedKey, SETTABLE_KEYS } from "./catalogue.ts";
import { combinationWarnings } from "./combos.ts";
import type { Issue } from "./types.ts";
import { checkValue } from "./values.ts";

export type { Issue } from "./types.ts";

export interface LintFlags {
  /** Send unknown keys anyway (for clients newer than the catalogue): their errors become warnings. */
  force?: boolean;
  /** Allow keys that re-point the device to other servers. */
  allowRepoint?: boolean;
  /** Allow stop-service=Y. */
  allowStop?: boolean;
}

export interface LintResult {
  errors: Issue[];
  warnings: Issue[];
  /** The options to store: values trimmed, lists without blank entries; only keys without errors. */
  options: Record<string, string>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
// biome-ignore lint: control characters are exactly what this rejects
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_VALUE = 4096;
const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** What a key that moves the device away from this server does, with the value it would get. */
const REPOINTS: Record<string, (v: string) => string> = {
  "custom-rendezvous-server": (v) => `the device registers with ${v} instead of its current ID server`,
  "relay-server": (v) => `the device relays its sessions through ${v}`,
  "api-server": (v) => `the device sends its heartbeat to ${v} and takes its strategies from there; unless that is this server, this server can no longer manage it`,
  key: () => "the device accepts only an ID server holding this key; with a wrong key it can no longer connect",
  "ice-servers": (v) => `the device's WebRTC sessions use ${v}`,
  "allow-websocket": (v) => (v === "Y" ? "the device reaches its servers over WebSocket only, which they must offer" : "the device stops using WebSocket"),
  "disable-udp": (v) => (v === "Y" ? "the device reaches its servers over TCP only" : "the device uses UDP again"),
  "allow-insecure-tls-fallback": (v) => (v === "Y" ? "the device accepts server certificates it cannot verify" : "the device accepts only verified certificates"),
};

function unknownKey(key: string, force: boolean | undefined): Issue {
  const hint = didYouMean(key, [...SETTABLE_KEYS.keys()]);
  const caseOnly = [...SETTABLE_KEYS.keys()].some((k) => k !== key && k.toLowerCase() === key.toLowerCase());
  const name = `unknown key ${quote(key)}${caseOnly ? " (keys are case-sensitive)" : ""}${hint}`;
  return force
    ? { key, message: `${name} (sent anyway: --force; a client that does not know it stores it and reads nothing from it)` }
    : { key, message: `${name} (\`strategy keys\` lists the keys; --force sends it anyway, for clients newer than this server)` };
}

/** The gate of a key that re-points or stops the device: an error without the flag, a warning with it. */
function gate(spec: KeySpec, value: string, flags: LintFlags): { error?: Issue; warning?: Issue } {
  const key = spec.key;
  if (spec.gate === "repoint") {
    const what = `${key} re-points the device: ${REPOINTS[key]!(value)}`;
    return flags.allowRepoint ? { warning: { key, message: what } } : { error: { key, message: `${what}; refused unless --allow-repoint` } };
  }
  if (spec.gate === "stop" && value === "Y") {
    const what = "stop-service=Y stops the RustDesk service on the device: no sessions, and no heartbeat, so this server can no longer manage it (nor undo this)";
    return flags.allowStop ? { warning: { key, message: what } } : { error: { key, message: `${what}; refused unless --allow-stop` } };
  }
  if (spec.gate === "stop")
    return { warning: { key, message: "stop-service=N does not restart a stopped device: a stopped service sends no heartbeat, so it never receives this" } };
  return {};
}

export function lintOptions(options: Record<string, string>, flags: LintFlags = {}): LintResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(options)) {
    if (!KEY.test(key)) {
      errors.push({ key, message: `invalid key ${quote(key)}: a key is 1-128 letters, digits and . _ - (see \`strategy keys\`)` });
      continue;
    }
    if (CONTROL.test(raw) || raw.length > MAX_VALUE) {
      errors.push({ key, message: `${key}: the value must be one line of at most ${MAX_VALUE} characters, without control characters` });
      continue;
    }
    const value = raw.trim();
    const refused = refusedKey(key);
    const spec = keySpec(key);
    if (refused) errors.push({ key, message: `${key} cannot be set by a strategy: ${REASONS[refused.reason]}` });
    else if (!spec) {
      const issue = unknownKey(key, flags.force);
      if (!flags.force) errors.push(issue);
      else if (value === "") errors.push({ key, message: `${key}: an empty value is not a setting; use \`strategy unset\` to stop managing ${key}` });
      else warnings.push(issue), (out[key] = value);
    } else if (value === "") {
      errors.push({ key, message: `${key}: an empty value is not a setting; use \`strategy unset\` to stop managing ${key}, or set ${allowedText(spec)}` });
    } else {
      const checked = checkValue(spec, value);
      if (checked.problem) {
        errors.push({ key, message: `${key}: ${checked.problem}; allowed: ${allowedText(spec)}` });
        continue;
      }
      const { error, warning } = gate(spec, checked.value, flags);
      if (warning) warnings.push(warning);
      if (error) errors.push(error);
      else out[key] = checked.value;
    }
  }
  warnings.push(...combinationWarnings(out));
  return { errors, warnings, options: out };
}
