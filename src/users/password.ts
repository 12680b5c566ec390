// Password policy and hashing.
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
