// The settings verbs work on the database like every other verb. Keys pinned by the environment or a
// flag are those of this command's own environment (the server's may differ: there, env and flags win).
import type { LiveConfig } from "../../src/config/live.ts";
import type { ServiceContext } from "../../src/core/context.ts";
import { cliLiveConfig } from "../../src/settings/store.ts";
import { type ConfigArgValues, loadCliConfig, withData } from "../_shared.ts";
import { io } from "../_io.ts";
import type { SettingsChange } from "../../src/settings/update.ts";

export function withSettings<T>(args: ConfigArgValues, fn: (ctx: ServiceContext, live: LiveConfig) => T): Promise<T> {
  const loaded = loadCliConfig(args);
  return withData(args, (ctx) => fn(ctx, cliLiveConfig(loaded, ctx)));
}

export const shown = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function reportChange(key: string, change: SettingsChange, now: string): void {
  if (!change.changed.length) return io.out(`${key}: unchanged\n`);
  const when = change.restart_required.length ? "takes effect when the server restarts" : "in force at once on a running server";
  io.out(`${key} = ${now} (${when})\n`);
}
