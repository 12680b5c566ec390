// The server-settings string a RustDesk client imports ("Import server config", `rustdesk --config`, the
// mobile QR scanner): JSON {host, relay, api, key} → base64url without padding → characters reversed.
// client: flutter/lib/common.dart:2969-2979 (rustdesk@7423dced) encodes host, relay, api, key in this order, trimmed
// client: flutter/lib/common.dart:2951-2965 (rustdesk@7423dced) decodes: reverse, base64.normalize (pads), utf8, JSON
// client: src/custom_server.rs:21-36 (rustdesk@7423dced) `--config` decodes with URL_SAFE_NO_PAD: padding is refused

export interface ServerSettings {
  /** The ID server (hbbs), "host" or "host:port". */
  idServer: string;
  /** The relay server (hbbr); empty lets the client derive it from the ID server. */
  relayServer: string;
  /** The API server (this server's public URL). */
  apiServer: string;
  /** hbbs's public key (id_ed25519.pub): 32 bytes in base64. */
  key: string;
}

// client: flutter/lib/common.dart:2975 (rustdesk@7423dced) writes UTF-16 code units as bytes, garbling non-ASCII;
// both decoders read UTF-8 JSON, so non-ASCII is written as \uXXXX: pure-ASCII JSON keeps every "-" of the
// base64url text apart, and the `--config` path splits its argument on "--":
// client: src/custom_server.rs:89-93 (rustdesk@7423dced) splits on "--" after rewriting "-licensed-" to "--"
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function encodeConfigString(s: ServerSettings): string {
  const json = asciiJson({ host: s.idServer.trim(), relay: s.relayServer.trim(), api: s.apiServer.trim(), key: s.key.trim() });
  const b64url = Buffer.from(json, "ascii").toString("base64url"); // Node's base64url never pads
  return [...b64url].reverse().join("");
}

/** What the mobile client's QR scanner accepts: the config string behind a `config=` prefix. */
// client: flutter/lib/mobile/pages/scan_page.dart:152-157 (rustdesk@7423dced) requires the prefix, decodes the rest
export const qrText = (configString: string) => `config=${configString}`;
