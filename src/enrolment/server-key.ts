// hbbs's public key (the `key` a client must be given, else "key mismatch"): where it comes from and its form.
import { existsSync, readFileSync } from "node:fs";
import { invalid } from "../core/errors.ts";

/** Where the rustdesk-server Debian package runs hbbs, which writes id_ed25519.pub into its working directory. */
export const WELL_KNOWN_KEY_FILE = "/var/lib/rustdesk-server/id_ed25519.pub";

// client: src/common.rs:2065-2067 (rustdesk@7423dced) decodes the key with standard, padded base64 and needs 32 bytes
export function isServerKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(key) && Buffer.from(key, "base64").toString("base64") === key;
}

export function checkServerKey(key: string, from: string): string {
  const k = key.trim();
  if (!isServerKey(k)) throw invalid(`${from}: not a server key (expected 32 bytes in base64, as hbbs writes to id_ed25519.pub)`);
  return k;
}

export function readKeyFile(path: string, from: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw invalid(`${from}: cannot read ${path} (${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message})`);
  }
  return checkServerKey(text, `${from} (${path})`);
}

export const wellKnownKeyFile = (exists: (p: string) => boolean = existsSync) => (exists(WELL_KNOWN_KEY_FILE) ? WELL_KNOWN_KEY_FILE : null);
