// Where console settings live (table console_settings) and how a running server notices a change
// made by another process (`rdconsole settings set`): a trigger bumps state_versions 'settings'; the
// live config's poll reads that counter after any local commit and at most every CHECK_MS otherwise
// (as src/devices/known.ts does for the heartbeat cache), then reads the rows again.
import type { Database } from "bun:sqlite";
import type { LoadedConfig } from "../config/load.ts";
import { createLiveConfig, type LiveConfig } from "../config/live.ts";
import { localCommits, type ServiceContext } from "../core/context.ts";
import type { Logger } from "../core/log.ts";
import { consoleSettings } from "../db/schema.ts";

const CHECK_MS = 50;

export interface StoredSetting {
  key: string;
  value: unknown;
  updatedAt: number;
  updatedBy: string;
}

export const readStoredSettings = (ctx: Pick<ServiceContext, "db">): StoredSetting[] => ctx.db.select().from(consoleSettings).all();

const rowsOf = (sqlite: Database) => sqlite.prepare<{ key: string; value: string }, []>("SELECT key, value FROM console_settings");

function overridesOf(rows: { key: string; value: string }[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

/** The live config of a process that serves: the base config, the stored settings over it, and the watch. */
export function openLiveConfig(base: LoadedConfig, sqlite: Database, log: Logger): LiveConfig {
  const rows = rowsOf(sqlite);
  const live = createLiveConfig(base, overridesOf(rows.all()));
  const report = (problems: string[]) => {
    if (problems.length) log.warn(`console settings set aside (fix them with rdconsole settings set/unset): ${problems.join("; ")}`);
  };
  report(live.startProblems);
  const version = sqlite.prepare<{ n: number }, []>("SELECT n FROM state_versions WHERE name = 'settings'");
  let seen = version.get()?.n ?? null;
  let commits = localCommits();
  let checkedAt = Date.now();
  live.watch(() => {
    const c = localCommits();
    const now = Date.now();
    if (c === commits && now - checkedAt < CHECK_MS && now >= checkedAt) return;
    commits = c;
    checkedAt = now;
    const v = version.get()?.n ?? null;
    if (v === seen) return;
    seen = v;
    report(live.load(overridesOf(rows.all()), true));
  });
  return live;
}

/** The live config of a CLI command: the stored settings over the command's own config, no watch. */
export function cliLiveConfig(base: LoadedConfig, ctx: Pick<ServiceContext, "db">): LiveConfig {
  return createLiveConfig(base, Object.fromEntries(readStoredSettings(ctx).map((s) => [s.key, s.value])));
}
