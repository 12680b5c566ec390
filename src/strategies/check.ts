// The lint as a service step: errors refuse the change (all of them named, one per line), warnings
// go back to the caller to show.
import { invalid } from "../core/errors.ts";
import { type LintFlags, lintOptions } from "./lint.ts";

export function checkOptions(options: Record<string, string>, flags: LintFlags = {}): { options: Record<string, string>; warnings: string[] } {
  const r = lintOptions(options, flags);
  if (r.errors.length) throw invalid(r.errors.map((e) => e.message).join("\n"));
  return { options: r.options, warnings: r.warnings.map((w) => w.message) };
}
