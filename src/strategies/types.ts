// The shapes shared by the catalogue, its data files and the lint (a file of its own so none imports another in a circle).

export type ServerFormat = "host" | "url" | "public-key" | "ice-urls";

/**
 * How the client reads a value:
 * - `enable`: on unless "N"; `allow`: on only if "Y" (client: libs/hbb_common/src/config.rs:2826-2838 (rustdesk@7423dced));
 * - `enum`: one of `values`; `number`: a whole number in [min, max];
 * - `ip-list`: comma-separated IPv4/IPv6 addresses and CIDRs; `id-list`: comma-separated peer-ID wildcard patterns;
 * - `text`: bounded free text; `server`: where the device finds its servers (`format` says how it is written).
 */
export type Kind = "enable" | "allow" | "enum" | "number" | "ip-list" | "id-list" | "text" | "server";

export const GROUPS = ["permissions", "security", "network", "recording", "performance", "server", "presets", "service"] as const;
export type Group = (typeof GROUPS)[number];

export interface KeySpec {
  readonly key: string;
  readonly kind: Kind;
  readonly group: Group;
  readonly description: string;
  /** `enable`, `allow` and `enum`: the values the lint accepts. */
  readonly values?: readonly string[];
  /** `number`: the range, and its unit. */
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** `text`: the longest value; `server` and some `text` keys: the format. */
  readonly maxLength?: number;
  readonly format?: ServerFormat | "windows-path";
  /** Refused unless the admin says so: `repoint` moves the device away from this server, `stop` stops it being managed. */
  readonly gate?: "repoint" | "stop";
}

export type RefusedReason = "built-in" | "local" | "display" | "peer" | "custom-client" | "device-state";

export interface RefusedKey {
  readonly key: string;
  readonly reason: RefusedReason;
}

/** One finding of the lint. */
export interface Issue {
  /** The key as given. */
  key: string;
  /** One line that names the key and says what is allowed or what happens. */
  message: string;
}
