// Token secrets: `rdc_` + 43 base62 characters (256 random bits) — a readable prefix so leaked ones can be
// found by scanners, and no `-`/`_` so a double-click selects the whole token. Only the SHA-256 is stored.
import { sha256 } from "../crypto/tokens.ts";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const LENGTH = 43; // 43 × log2(62) ≈ 256.03 bits
export const PREFIX_LENGTH = 8;
export const SECRET_SHAPE = /^rdc_[0-9A-Za-z]{43}$/;

export function newTokenSecret(): string {
  let out = "rdc_";
  while (out.length < 4 + LENGTH) {
    // Rejection sampling: 248 = 4 × 62, so every character is equally likely.
    for (const b of crypto.getRandomValues(new Uint8Array(64))) if (b < 248 && out.length < 4 + LENGTH) out += ALPHABET[b % 62];
  }
  return out;
}

/** What is kept of a secret: its prefix (shown) and hash (looked up). */
export const secretParts = (secret: string) => ({ prefix: secret.slice(4, 4 + PREFIX_LENGTH), tokenHash: sha256(secret) });
