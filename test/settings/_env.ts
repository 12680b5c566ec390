// An app over a config file, an environment and flags (so every source shows), with its live config,
// admin tokens, and users alice and bob.
import { sql } from "drizzle-orm";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/load.ts";
import { cliActor, type ServiceContext } from "../../src/core/context.ts";
import { createLogger } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { consoleAudit } from "../../src/db/schema.ts";
import { openLiveConfig } from "../../src/settings/store.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { tempDir } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

export async function settingsEnv(extraToml = "", env: Record<string, string> = {}) {
  const dir = tempDir();
  const file = join(dir, "rdconsole.toml");
  writeFileSync(file, `[log]\nlevel = "silent"\n[data]\ndir = "data"\n[lockout]\naccount_failures = 4\n${extraToml}`);
  const loaded = loadConfig({ configPath: file, env: { RDCONSOLE_LOCKOUT_BAN_HOURS: "48", ...env }, flags: { "server.port": "0" } });
  const { mkdirSync } = await import("node:fs");
  mkdirSync(loaded.config.data.dir, { recursive: true });
  const { db, sqlite, close } = openDb(loaded.config.data.dir);
  const log = createLogger(loaded.config.log);
  const live = openLiveConfig(loaded, sqlite, log);
  const app = createApp({ config: live.config, db, sqlite, log, now: Date.now, live });
  const ctx: ServiceContext = { db, config: live.config, log, actor: cliActor(), now: Date.now };
  await createUser(ctx, { name: "alice", password: "alice-password", isAdmin: true });
  await createUser(ctx, { name: "bob", password: "bob-password" });
  const ADMIN = createToken(ctx, { name: "root", scopes: { admin: "rw" } }).secret;
  const READER = createToken(ctx, { name: "auditor", scopes: { admin: "r" } }).secret;
  const OTHER = createToken(ctx, { name: "others", scopes: { devices: "rw", users: "rw" } }).secret;
  const GONE = createToken(ctx, { name: "gone", scopes: { admin: "rw" } }).secret;
  revokeToken(ctx, "gone");
  const as = (secret: string | null, method: string, path: string, body?: unknown) => call(app, method, path, { headers: secret ? { authorization: `Bearer ${secret}` } : {}, body });
  const audit = (action: string) => db.select().from(consoleAudit).where(sql`${consoleAudit.action} = ${action}`).all();
  return { dir, file, loaded, live, app, db, sqlite, ctx, close, as, audit, tokens: { ADMIN, READER, OTHER, GONE } };
}
