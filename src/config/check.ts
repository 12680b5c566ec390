// `config check` for the admin API: every problem of a configuration at once, as the CLI lists them.
import { ConfigError, loadConfig } from "./load.ts";
import { crossChecks, type Config } from "./schema.ts";

/** The problems of a config file's TOML text on its own (defaults for what it leaves out; no environment). */
export function checkConfigText(text: string): string[] {
  try {
    loadConfig({ text, textName: "toml", env: {} }); // problems name the body field: "toml: unknown key …"
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
}

/** The problems of a configuration already loaded (the running server's): the checks that span keys. */
export const checkLoadedConfig = (config: Config): string[] => crossChecks.map((check) => check(config)).filter((p): p is string => Boolean(p));
