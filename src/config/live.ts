// The config as a running server sees it. Features keep receiving one `Config` object (deps.config,
// ctx.config), but it is a view: each runtime key (layers.ts) is a getter that reads the current
// layered value, so whoever reads it when using it sees a change at once; every other key is a
// plain value fixed at start (the heartbeat path reads only those, at no extra cost).
import type { LoadedConfig } from "./load.ts";
import { applyConsole, isRuntime, type Layered } from "./layers.ts";
import { ConfigError } from "./load.ts";
import { eachField, type Config } from "./schema.ts";

export interface LiveConfig {
  /** The view handed to the features. */
  readonly config: Config;
  /** defaults < file < env < flags, as loaded at start. */
  readonly base: LoadedConfig;
  /** The layered config now (for a non-runtime key: what the next start will use). */
  current(): Layered;
  /** The console values in force. */
  overrides(): Readonly<Record<string, unknown>>;
  /** Lays new console values over the base. Strict: throws ConfigError; lenient: skips bad ones, returns the problems. */
  load(overrides: Readonly<Record<string, unknown>>, lenient?: boolean): string[];
  /** `poll` runs before a runtime key is read: how the holder learns of a change made by another process. */
  watch(poll: () => void): void;
  /** Runs the poll now: before reading current(). */
  sync(): void;
}

export function createLiveConfig(base: LoadedConfig, initial: Readonly<Record<string, unknown>> = {}): LiveConfig & { startProblems: string[] } {
  let state = applyConsole(base, initial, true);
  let overrides = { ...initial };
  let poll: (() => void) | undefined;
  const fixed = state.config as unknown as Record<string, Record<string, unknown>>;
  const view: Record<string, Record<string, unknown>> = {};
  for (const { section, key, path } of eachField()) {
    const target = (view[section] ??= {});
    if (!isRuntime(path)) target[key] = fixed[section]![key];
    else
      Object.defineProperty(target, key, {
        enumerable: true,
        get: () => {
          poll?.();
          return (state.config as unknown as Record<string, Record<string, unknown>>)[section]![key];
        },
      });
  }
  for (const section of Object.values(view)) Object.freeze(section);
  return {
    config: Object.freeze(view) as unknown as Config,
    base,
    startProblems: state.problems,
    current: () => state,
    overrides: () => overrides,
    load(next, lenient = false) {
      const layered = applyConsole(base, next, lenient);
      if (!lenient && layered.problems.length) throw new ConfigError(layered.problems);
      state = layered;
      overrides = { ...next };
      return layered.problems;
    },
    watch(p) {
      poll = p;
    },
    sync: () => poll?.(),
  };
}
