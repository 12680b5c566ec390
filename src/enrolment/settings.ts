// The settings a client is given, from flags over the [rustdesk] config (and server.public_url for the API).
// Every "missing" message names both the flag and the config key.
import type { Config } from "../config/schema.ts";
import { invalid } from "../core/errors.ts";
import type { ServerSettings } from "./config-string.ts";
import { checkServerKey, readKeyFile, wellKnownKeyFile } from "./server-key.ts";

export interface SettingsOverrides {
  idServer?: string;
  relay?: string;
  api?: string;
  key?: string;
  keyFile?: string;
}

export interface ResolvedSettings {
  settings: ServerSettings;
  /** Where the key came from: "--key", "rustdesk.key", or a file path. */
  keyFrom: string;
}

const HOST = /^[^\s/"'\\]+$/;

function host(value: string, from: string): string {
  // client: flutter/lib/common.dart:3599-3607 (rustdesk@7423dced) drops one trailing "/" from each server field
  const v = value.trim().replace(/\/$/, "");
  if (!HOST.test(v)) throw invalid(`${from}: expected a host name or host:port, got ${JSON.stringify(value)}`);
  return v;
}

function apiUrl(value: string, from: string): string {
  const v = value.trim().replace(/\/+$/, "");
  // client: flutter/lib/common.dart:3633-3639 (rustdesk@7423dced) refuses an API server without http:// or https://
  if (!URL.canParse(v) || !/^https?:$/.test(new URL(v).protocol) || /[\s"'\\]/.test(v)) throw invalid(`${from}: expected an http:// or https:// URL, got ${JSON.stringify(value)}`);
  return v;
}

function key(o: SettingsOverrides, c: Config["rustdesk"], exists?: (p: string) => boolean): { key: string; keyFrom: string } {
  if (o.key !== undefined && o.keyFile !== undefined) throw invalid("give --key or --key-file, not both");
  if (o.key !== undefined) return { key: checkServerKey(o.key, "--key"), keyFrom: "--key" };
  if (o.keyFile !== undefined) return { key: readKeyFile(o.keyFile, "--key-file"), keyFrom: o.keyFile };
  if (c.key) return { key: checkServerKey(c.key, "rustdesk.key"), keyFrom: "rustdesk.key" };
  if (c.key_file) return { key: readKeyFile(c.key_file, "rustdesk.key_file"), keyFrom: c.key_file };
  const found = wellKnownKeyFile(exists);
  if (found) return { key: readKeyFile(found, "hbbs key file"), keyFrom: found };
  throw invalid("no server key: pass --key KEY or --key-file FILE, or set rustdesk.key or rustdesk.key_file (hbbs writes it to id_ed25519.pub)");
}

export function resolveSettings(config: Config, o: SettingsOverrides, exists?: (p: string) => boolean): ResolvedSettings {
  const c = config.rustdesk;
  const id = o.idServer ?? c.id_server;
  if (!id.trim()) throw invalid("no ID server: pass --id-server HOST or set rustdesk.id_server");
  const idServer = host(id, o.idServer !== undefined ? "--id-server" : "rustdesk.id_server");
  const relay = o.relay ?? c.relay_server;
  const relayServer = relay.trim() ? host(relay, o.relay !== undefined ? "--relay" : "rustdesk.relay_server") : "";
  const api = o.api ?? config.server.public_url;
  if (!api.trim()) throw invalid("no API URL: pass --api URL or set server.public_url");
  const apiServer = apiUrl(api, o.api !== undefined ? "--api" : "server.public_url");
  const k = key(o, c, exists);
  return { settings: { idServer, relayServer, apiServer, key: k.key }, keyFrom: k.keyFrom };
}
