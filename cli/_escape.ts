// Text from clients (device IDs, host names, user names, notes) must not steer the terminal: C0/C1
// controls, DEL, bidi embeddings/overrides/isolates/marks and invisible separators print escaped as
// \uXXXX (\n, \r, \t as such). Inside JSON strings that escape is lossless: JSON.parse gives the same text.

// Zero-width joiners (U+200C/U+200D) stay: emoji and several scripts need them.
const UNSAFE = "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff";
const IN_CELL = new RegExp(`[${UNSAFE}]`, "g");
// Whole output keeps its line structure: newlines and tabs pass.
const IN_TEXT = new RegExp(`(?![\\n\\t])[${UNSAFE}]`, "g");

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const escapeChar = (c: string) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One table cell or value: every control escaped, newlines too. */
export const escapeCell = (s: string) => s.replace(IN_CELL, escapeChar);

/** Printed text: controls escaped, newlines and tabs kept. */
export const escapeText = (s: string) => s.replace(IN_TEXT, escapeChar);
