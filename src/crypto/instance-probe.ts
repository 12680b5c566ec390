// Proves that an HTTP answer comes from the server of this data dir (`doctor` checks server.public_url with it):
// GET /healthz?probe=<nonce> answers X-Rdconsole-Probe: HMAC(key, nonce), the key derived from the one that
// seals TOTP secrets. Anyone may ask; the answer proves only "same data dir" and reveals nothing reusable.
import { createHmac } from "node:crypto";
import type { Config } from "../config/schema.ts";
import { secretKey } from "./secret-box.ts";

export const PROBE_HEADER = "x-rdconsole-probe";
export const PROBE_NONCE = /^[A-Za-z0-9_-]{16,64}$/;

const derived = new WeakMap<Config, Buffer>();

/** `create: false` for the reader (doctor): it never writes the data dir; throws when there is no key. */
export function probeAnswer(config: Config, nonce: string, create = true): string {
  let key = derived.get(config);
  if (!key) {
    key = createHmac("sha256", secretKey(config, create)).update("rdconsole instance probe v1").digest();
    derived.set(config, key);
  }
  return createHmac("sha256", key).update(nonce).digest("base64url");
}
