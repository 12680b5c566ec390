// The one-time setup code: while no administrator exists, `serve` writes a fresh one to
// <data dir>/setup-code (0600) and prints it in its log, and only whoever can read either may create
// the first administrator from a browser. A fresh server on a public address cannot be claimed by
// whoever finds it first. The file is the only copy: removed once used, so the code is void.
import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FILE = "setup-code";
// No 0/O, 1/I/L: read off a log and typed by a person.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export const setupCodePath = (dir: string) => join(dir, FILE);

/** A new code (4 groups of 5, ≈ 99 bits), written 0600 in place of any older one. */
export function writeSetupCode(dir: string): string {
  const chars = [...randomBytes(20)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  const code = chars.match(/.{5}/g)!.join("-");
  const tmp = `${setupCodePath(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${code}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, setupCodePath(dir));
  return code;
}

/** The code in force, or null (none written, or already used). */
export function readSetupCode(dir: string): string | null {
  try {
    return readFileSync(setupCodePath(dir), "utf8").trim() || null;
  } catch {
    return null;
  }
}

export function removeSetupCode(dir: string): void {
  rmSync(setupCodePath(dir), { force: true });
}

/** Typed by a person: case, spaces and dashes do not matter. */
export const normalizeSetupCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");
