// The catalogue of RustDesk client option keys a strategy may set, and of the keys it may not, with why.
// A strategy is merged into the device's Config options (client: src/hbbs_http/sync.rs:287-304 (rustdesk@7423dced)),
// and the client takes any key there; so this list, not the client, is what keeps a typo from doing nothing.
// The settable keys are keys::KEYS_SETTINGS less the proxy keys, plus the Config keys read directly
// (client: libs/hbb_common/src/config.rs:3136-3195 (rustdesk@7423dced)).
import { REFUSED } from "./keys-refused.ts";
import { SETTABLE } from "./keys-settable.ts";
import type { Group, KeySpec, RefusedKey, RefusedReason, ServerFormat } from "./types.ts";

export { GROUPS } from "./types.ts";
export type { Group, Issue, Kind, KeySpec, RefusedKey, RefusedReason } from "./types.ts";

/** Why a strategy cannot set a key, as one sentence the admin can act on. */
export const REASONS: Record<RefusedReason, string> = {
  "built-in": "it is a built-in option, read only from a custom client's build, never from the options a strategy sets",
  local: "it is a local (per-user UI) option kept in LocalConfig, which a strategy does not reach",
  display: "it is a per-session display default kept apart from the options a strategy sets",
  peer: "it is an option the controller keeps per remote peer, not an option of this device",
  "custom-client": "the proxy is read only from a custom client's default or override settings, not from the options a strategy sets",
  "device-state": "it holds this device's own state (a secret or a piece of hardware), which must not be copied to a fleet",
};

export const SETTABLE_KEYS: ReadonlyMap<string, KeySpec> = new Map(SETTABLE.map((s) => [s.key, s]));
export const REFUSED_KEYS: ReadonlyMap<string, RefusedKey> = new Map(REFUSED.map((r) => [r.key, r]));

export function keySpec(key: string): KeySpec | undefined {
  return SETTABLE_KEYS.get(key);
}

export function refusedKey(key: string): RefusedKey | undefined {
  return REFUSED_KEYS.get(key);
}

/** The settable keys of a group, in catalogue order. */
export function keysOf(group: Group): KeySpec[] {
  return SETTABLE.filter((s) => s.group === group);
}

/** What a value of this key may be, as the lint and `strategy keys` say it. */
export function allowedText(spec: KeySpec): string {
  switch (spec.kind) {
    case "enable":
      return "Y or N (off only for N)";
    case "allow":
      return "Y or N (on only for Y)";
    case "enum":
      return `one of ${spec.values!.join(", ")}`;
    case "number":
      return `a whole number ${spec.min}-${spec.max}${spec.unit ? ` (${spec.unit})` : ""}`;
    case "ip-list":
      return "comma-separated IPv4/IPv6 addresses or CIDRs (e.g. 10.0.0.0/8,2001:db8::/32), or 0.0.0.0 to turn the check off";
    case "id-list":
      return "comma-separated RustDesk IDs, * matching any characters and ? one character (e.g. 12345*,9876543?)";
    case "text":
      return spec.format === "windows-path"
        ? `an absolute Windows path (e.g. D:\\recordings), at most ${spec.maxLength} characters`
        : `text of at most ${spec.maxLength} characters`;
    case "server":
      return SERVER_FORMATS[spec.format as ServerFormat];
  }
}

const SERVER_FORMATS: Record<ServerFormat, string> = {
  host: "host or host:port (e.g. rd.example.com or 203.0.113.5:21116)",
  url: "an http:// or https:// URL (e.g. https://rd.example.com)",
  "public-key": "the server's public key: base64 of 32 bytes, 44 characters ending in =",
  "ice-urls": "comma-separated stun://, stuns://, turn:// or turns:// URLs with a host (e.g. turn://user:pass@turn.example.com:3478)",
};
