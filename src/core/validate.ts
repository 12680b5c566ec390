// Input rules for names and free text, shared by every feature. Names are ASCII so that case-insensitive uniqueness
// (SQLite NOCASE) means what it says; display names may be any text.
import { invalid } from "./errors.ts";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// biome-ignore lint: control characters are exactly what this rejects
const CONTROL = /[\u0000-\u001f\u007f]/;

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

const GROUP_NAME = /^[^\s/\\][^/\\]{0,63}$/;

/** Names of user groups, device groups and strategies: trimmed, 1-64 characters, no slashes (they appear in paths). */
export function checkEntityName(kind: "group" | "device group" | "strategy", name: string): string {
  const n = name.trim();
  if (!GROUP_NAME.test(n)) throw invalid(`invalid ${kind} name "${n.slice(0, 80)}": 1-64 characters, no slashes`);
  return n;
}
