// Arguments shared by every command that reads the config or touches data, and the wrapper
// that turns any failure into one line on stderr and exit status 1.
import type { ArgsDef } from "citty";
import { ConfigError, loadConfig, type LoadedConfig } from "../src/config/load.ts";
import { cliActor, type ServiceContext } from "../src/core/context.ts";
import { openDb } from "../src/db/client.ts";
import { DatabaseVersionError } from "../src/db/migrate.ts";
import { ServiceError } from "../src/core/errors.ts";
import { adoptDataDirOwner, checkWritable, DataDirError, ensureDataDir } from "../src/lifecycle/data-dir.ts";
import { LockError } from "../src/lifecycle/lock.ts";
import { createLogger } from "../src/core/log.ts";
import { CliError, io, UsageError } from "./_io.ts";

export const configArgs = {
  config: {
    type: "string",
    description: "Config file (default: $RDCONSOLE_CONFIG, else /etc/rdconsole/rdconsole.toml if it exists)",
    valueHint: "file",
  },
  "data-dir": { type: "string", description: "Data directory (overrides data.dir)", valueHint: "dir" },
} as const satisfies ArgsDef;

export const jsonArg = { json: { type: "boolean", description: "Print one JSON document" } } as const satisfies ArgsDef;

export interface ConfigArgValues {
  config?: string;
  "data-dir"?: string;
}

export function loadCliConfig(args: ConfigArgValues, flags: Record<string, string | undefined> = {}): LoadedConfig {
  return loadConfig({ configPath: args.config, flags: { "data.dir": args["data-dir"], ...flags } });
}

/** Opens (and migrates) the database for a command; works with the server running or stopped. */
export async function withData<T>(args: ConfigArgValues, fn: (ctx: ServiceContext) => T | Promise<T>): Promise<T> {
  const { config } = loadCliConfig(args);
  ensureDataDir(config.data.dir);
  adoptDataDirOwner(config.data.dir);
  checkWritable(config.data.dir);
  const { db, close } = openDb(config.data.dir, undefined, config.data.mmap_size);
  const ctx: ServiceContext = { db, config, log: createLogger({ ...config.log, level: "warn" }), actor: cliActor(), now: Date.now };
  try {
    return await fn(ctx);
  } finally {
    close();
  }
}

const EXPECTED = [CliError, ServiceError, ConfigError, DataDirError, LockError, DatabaseVersionError];

/** `rawArgs`: the command's own argv, for options given more than once (cli/_repeat.ts). */
export function action<A>(fn: (args: A, rawArgs: string[]) => unknown) {
  return async ({ args, rawArgs }: { args: A; rawArgs?: string[] }) => {
    try {
      await fn(args, rawArgs ?? []);
    } catch (e) {
      const expected = EXPECTED.some((cls) => e instanceof cls);
      // A service may name several problems at once (the strategy lint): one "error:" line each.
      for (const line of (e instanceof Error ? e.message : String(e)).split("\n")) io.err(/^\s/.test(line) ? `${line}\n` : `error: ${line}\n`);
      if (!expected && e instanceof Error && process.env.DEBUG) io.err(`${e.stack}\n`);
      io.exitCode = e instanceof UsageError ? 2 : 1;
    }
  };
}
