// A fresh data dir, migrated database, config and app per test.
import { afterAll } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/load.ts";
import type { Config } from "../../src/config/schema.ts";
import { cliActor, type ServiceContext } from "../../src/core/context.ts";
import { openDb } from "../../src/db/client.ts";
import { createDeviceRuntime } from "../../src/devices/runtime.ts";
import { deviceHooks } from "../../src/provisioning/hooks.ts";
import { createLogger } from "../../src/core/log.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = "rdc-test-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Config from defaults plus dotted-key overrides; never reads /etc or the environment. */
export function testConfig(overrides: Record<string, string> = {}, dataDir = tempDir()): Config {
  return loadConfig({
    env: {},
    defaultConfigPath: "/nonexistent/rdconsole.toml",
    flags: { "data.dir": dataDir, "log.level": "silent", ...overrides },
  }).config;
}

export function testEnv(overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const { db, sqlite, close } = openDb(config.data.dir);
  const log = createLogger(config.log);
  let clock = Date.parse("2026-11-22T12:00:00Z");
  const now = () => clock;
  const ctx: ServiceContext = { db, config, log, actor: cliActor(), now };
  const devices = createDeviceRuntime(config, sqlite, deviceHooks(sqlite));
  const app = createApp({ config, db, sqlite, log, now, devices });
  return {
    config,
    db,
    sqlite,
    ctx,
    app,
    advance(ms: number) {
      clock += ms;
    },
    /** Writes buffered presence (what the server does every devices.flush_ms). */
    devicesFlush: () => (devices.strategies.flush(), devices.presence.flush(clock, true)),
    devices,
    close,
  };
}
