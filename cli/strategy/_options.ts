// What the strategy commands share: KEY=VALUE arguments, the lint's flags and its warnings.
import type { ArgsDef } from "citty";
import type { LintFlags } from "../../src/strategies/lint.ts";
import { io, UsageError } from "../_io.ts";

export const nameArg = { name: { type: "positional", description: "Strategy name", required: true } } as const satisfies ArgsDef;

export const pairsArg = {
  options: { type: "positional", description: "Client options to set, KEY=VALUE (strategy keys lists them)", required: false, valueHint: "KEY=VALUE..." },
} as const satisfies ArgsDef;

export const lintArgs = {
  force: { type: "boolean", description: "Send keys this server does not know (for newer clients)" },
  "allow-repoint": { type: "boolean", description: "Allow keys that point devices at other servers (custom-rendezvous-server, api-server, key, …)" },
  "allow-stop": { type: "boolean", description: "Allow stop-service=Y (the device stops, and can no longer be managed)" },
} as const satisfies ArgsDef;

export const lintFlags = (a: { force?: boolean; "allow-repoint"?: boolean; "allow-stop"?: boolean }): LintFlags => ({ force: a.force, allowRepoint: a["allow-repoint"], allowStop: a["allow-stop"] });

/** KEY=VALUE words → options; a word without "=" or a key given twice is a usage error. */
export function parsePairs(words: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf("=");
    if (eq <= 0) throw new UsageError(`expected KEY=VALUE, not ${JSON.stringify(w)}`);
    const key = w.slice(0, eq);
    if (key in out) throw new UsageError(`${key} is given twice`);
    out[key] = w.slice(eq + 1);
  }
  return out;
}

export const printWarnings = (warnings: string[]) => warnings.forEach((w) => io.err(`warning: ${w}\n`));
