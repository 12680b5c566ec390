// Password policy and hashing.
import { createHash, pbkdf2, timingSafeEqual } from "node:crypto";
import { invalid } from "../core/errors.ts";

export const PASSWORD_MAX = 1024;

export function checkPassword(password: string, minLength: number): string {
  if (password.length < minLength) throw invalid(`password is too short: use at least ${minLength} characters`);
  if (password.length > PASSWORD_MAX) throw invalid(`password is too long: use at most ${PASSWORD_MAX} characters`);
  if (password.trim() === "") throw invalid("password must not be only spaces");
  return password;
}

// OWASP's argon2id baseline (19 MiB, 2 passes). Bun's default of 64 MiB cost 160 ms and 64 MiB per
// concurrent login here, against 50 ms: unauthenticated logins must not be a cheap way to exhaust memory.
// Hashes carry their parameters, so older ones still verify.
export const ARGON2 = { algorithm: "argon2id", memoryCost: 19_456, timeCost: 2 } as const;

export const hashPassword = (password: string) => Bun.password.hash(password, ARGON2);

/** True for hashes made with other parameters (e.g. by an older release): they are redone at login. */
export const needsRehash = (hash: string) => !hash.startsWith(`$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},`);

// Django's default hasher (kingmo888's server): pbkdf2_sha256$<iterations>$<salt>$<base64 of 32 bytes>.
const DJANGO = /^pbkdf2_sha256\$(\d{1,7})\$([^$]{1,128})\$([A-Za-z0-9+/=]{43,44})$/;
// Go's bcrypt writes $2a$; Bun verifies $2a$, $2b$ and $2y$ alike.
const BCRYPT = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;

// lejianwen/rustdesk-api before bcrypt: hex MD5 of the password followed by "rustdesk-api"; the importer tags it so.
const LEJIANWEN_MD5 = /^lejianwen-md5\$([0-9a-f]{32})$/;

/** The kind of a password hash rdconsole can verify, or null (then it cannot be imported). */
export function hashKind(hash: string): "argon2" | "bcrypt" | "django-pbkdf2" | "lejianwen-md5" | null {
  if (hash.startsWith("$argon2")) return "argon2";
  if (BCRYPT.test(hash)) return "bcrypt";
  if (DJANGO.test(hash)) return "django-pbkdf2";
  if (LEJIANWEN_MD5.test(hash)) return "lejianwen-md5";
  return null;
}

async function verifyDjango(password: string, hash: string): Promise<boolean> {
  const [, iterations, salt, expected] = DJANGO.exec(hash)!;
  const derived = await new Promise<Buffer>((ok, fail) => pbkdf2(password, salt!, Number(iterations), 32, "sha256", (e, key) => (e ? fail(e) : ok(key))));
  const want = Buffer.from(expected!, "base64");
  return want.length === derived.length && timingSafeEqual(want, derived);
}

/** Checks a password against a stored hash: argon2id, or an imported bcrypt, Django or lejianwen MD5 hash (redone at login: needsRehash). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const kind = hashKind(hash);
  if (kind === "django-pbkdf2") return verifyDjango(password, hash);
  if (kind === "lejianwen-md5") {
    const want = Buffer.from(LEJIANWEN_MD5.exec(hash)![1]!, "hex");
    return timingSafeEqual(want, createHash("md5").update(`${password}rustdesk-api`).digest());
  }
  if (kind === null) return false;
  if (kind === "bcrypt") {
    // bcrypt reads 72 bytes; Go's (lejianwen) ignored the rest, while Bun pre-hashes longer passwords: compare as Go did.
    const bytes = new TextEncoder().encode(password);
    return Bun.password.verify(bytes.length > 72 ? bytes.slice(0, 72) : password, hash);
  }
  return Bun.password.verify(password, hash);
}
