// The configuration as its loader sees it: every problem at once (src/config/load.ts and the cross-key checks).
import { checkLoadedConfig } from "../config/check.ts";
import type { Config } from "../config/schema.ts";
import { fail, ok, type CheckResult } from "./check.ts";

const NAME = "config";

/** `problems`: the loader's, when loading failed (then nothing else can be checked). `file` undefined: the running server's. */
export function checkConfig(config: Config | null, file: string | null | undefined, problems: readonly string[] = []): CheckResult {
  const found = config ? checkLoadedConfig(config) : [...problems];
  if (found.length) return fail(NAME, found.join("; "), `fix each problem in ${file ?? "the config file"} (rdconsole config check lists them)`);
  return ok(NAME, file === undefined ? "the running configuration is valid" : `valid (file: ${file ?? "none, defaults and environment only"})`);
}
