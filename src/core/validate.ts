// Input rules for user fields. Names are ASCII so that case-insensitive uniqueness
// (SQLite NOCASE) means what it says; display names may be any text.
import { invalid } from "./errors.ts";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// biome-ignore lint: control characters are exactly what this rejects
const CONTROL = /[\u0000-\u001f\u007f]/;
export const PASSWORD_MAX = 1024;

export function checkName(name: string): string {
  if (!NAME.test(name))
    throw invalid(
      `invalid user name "${name.slice(0, 80)}": use 1-64 characters from A-Z a-z 0-9 . _ @ -, starting with a letter or digit`,
    );
  return name;
}

export function checkEmail(email: string): string {
  const e = email.trim();
  if (e !== "" && (e.length > 254 || !EMAIL.test(e))) throw invalid(`invalid e-mail address "${e.slice(0, 80)}"`);
  return e;
}

export function checkText(field: string, value: string, max: number): string {
  if (value.length > max) throw invalid(`${field} is too long (at most ${max} characters)`);
  if (field !== "note" && CONTROL.test(value)) throw invalid(`${field} must not contain control characters`);
  return value;
}

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
