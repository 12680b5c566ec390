// A data dir administered by the CLI in-process, optionally served by an app at the same time.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/load.ts";
import { createLogger } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { createDeviceRuntime } from "../../src/devices/runtime.ts";
import { deviceHooks } from "../../src/provisioning/hooks.ts";
import { runCli } from "./cli.ts";
import { tempDir } from "./env.ts";

export type CliInput = Parameters<typeof runCli>[1];

/** A config file (data dir "data" beside it, silent log, plus `extraToml`) and the CLI bound to it. */
export function cliDataDir(extraToml = "") {
  const dir = tempDir();
  const file = join(dir, "rdconsole.toml");
  writeFileSync(file, `[log]\nlevel = "silent"\n[data]\ndir = "data"\n${extraToml}`);
  const cli = (args: string[], input?: CliInput) => runCli([...args, "--config", file], input);
  const json = async (args: string[]) => JSON.parse((await cli([...args, "--json"])).stdout);
  return { dir, file, cli, json, config: () => loadConfig({ configPath: file, env: {} }).config };
}

/** The same, with user alice (password "alice-password") created by the CLI and an app serving the data dir. */
export async function cliWithApp(extraToml = "") {
  const env = cliDataDir(extraToml);
  await env.cli(["user", "create", "alice", "--password-stdin"], { stdin: "alice-password" }); // creates the data dir
  const config = env.config();
  const { db, sqlite, close } = openDb(config.data.dir);
  const devices = createDeviceRuntime(config, sqlite, deviceHooks(sqlite));
  const app = createApp({ config, db, sqlite, log: createLogger(config.log), now: Date.now, devices });
  return { ...env, app, devices, db, sqlite, close };
}
