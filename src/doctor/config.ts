// The configuration as its loader sees it: every problem at once (src/config/load.ts and the cross-key checks).
import { checkLoadedConfig } from "../config/check.ts";
import type { Config } from "../config/schema.ts";
import { fail, ok, warn, type CheckResult } from "./check.ts";

const NAME = "config";

/** `problems`: the loader's, when loading failed (then nothing else can be checked). `file` undefined: the running server's. */
/** `setAside`: console settings the server ignores (it logs them at start). */
export function checkConfig(config: Config | null, file: string | null | undefined, problems: readonly string[] = [], setAside: readonly string[] = []): CheckResult {
  const found = config ? checkLoadedConfig(config) : [...problems];
  if (found.length) return fail(NAME, found.join("; "), `fix each problem in ${file ?? "the config file"} (rdconsole config check lists them)`);
  if (setAside.length) return warn(NAME, `console settings set aside: ${setAside.join("; ")}`, "fix them with rdconsole settings set / unset");
  return ok(NAME, file === undefined ? "the running configuration is valid" : `valid (file: ${file ?? "none, defaults and environment only"})`);
}
