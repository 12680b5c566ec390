// Random secrets handed to clients, and the hashes kept in their place.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, base64url: access tokens and challenge handles. */
export const newSecret = () => randomBytes(32).toString("base64url");

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A numeric code of `digits` digits, uniformly random. */
export function numericCode(digits: number): string {
  const max = 10 ** digits;
  const limit = Math.floor(0x100000000 / max) * max;
  for (;;) {
    const n = randomBytes(4).readUInt32BE(0);
    if (n < limit) return String(n % max).padStart(digits, "0");
  }
}
