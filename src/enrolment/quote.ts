// Quoting for the install lines: a value from a preset or a flag must reach the client as one argument,
// whatever it holds. Control characters are refused (a pasted line must stay one line).
import { invalid } from "../core/errors.ts";

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function checkPrintable(value: string, what: string): string {
  if (CONTROL.test(value)) throw invalid(`${what}: control characters (line breaks, tabs, escapes) cannot go into an install line`);
  return value;
}

/** POSIX sh (and bash, zsh): single quotes keep everything literal; a ' is closed, escaped and reopened. */
export const shQuote = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

/** PowerShell: a single-quoted string is literal; its quote characters (also the typographic ones PowerShell
 * accepts as quotes) are escaped by doubling. */
export const psQuote = (s: string) => `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, "$&$&")}'`;

/** One argument of a Windows command line, as the MSVC rules (which Rust's std::env::args follows) split it:
 * in quotes, backslashes before a quote or the closing quote doubled, quotes escaped with a backslash. */
export function winArg(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `"${s.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, "$1$1")}"`;
}
