// PUT /api/admin/settings and `rdconsole settings set|unset`: a partial change, checked as the config
// loader checks a file (every problem at once, did-you-mean hints), stored, audited with the old and
// new value (secrets masked), then in force at once for the runtime keys.
import { eq } from "drizzle-orm";
import type { Field } from "../config/fields.ts";
import { applyConsole, isFileOnly, isPinned, isRuntime } from "../config/layers.ts";
import type { LiveConfig } from "../config/live.ts";
import { eachField } from "../config/schema.ts";
import { didYouMean } from "../config/suggest.ts";
import { emitAudit } from "../core/audit.ts";
import { afterCommit, withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, invalid } from "../core/errors.ts";
import { consoleSettings } from "../db/schema.ts";
import { readOnlyReason, shownValue } from "./list.ts";
import { readStoredSettings } from "./store.ts";

export interface SettingsChange {
  /** Keys whose value changed. */
  changed: string[];
  /** Changed keys that take effect at the next start. */
  restart_required: string[];
}

const FIELDS = new Map(eachField().map((f) => [f.path, f.field as Field<unknown>]));
const valueAt = (config: unknown, path: string) => {
  const [section, key] = path.split(".") as [string, string];
  return (config as Record<string, Record<string, unknown>>)[section]?.[key];
};

/** `patch`: dotted key → new value (a human value such as "90m" or "15 mb" where it fits), or null to drop the console value. */
export function updateSettings(ctx: ServiceContext, live: LiveConfig, patch: Readonly<Record<string, unknown>>): SettingsChange {
  const keys = Object.keys(patch);
  if (!keys.length) throw invalid('nothing to change: give one or more settings, e.g. {"lockout.minutes": "1h"}');
  const problems: string[] = [];
  const pinned: string[] = [];
  for (const key of keys) {
    if (!FIELDS.has(key)) problems.push(`${key}: unknown setting${didYouMean(key, [...FIELDS.keys()])}`);
    else {
      const reason = readOnlyReason(live, key);
      if (reason) (isPinned(live.base.sources[key]) && !isFileOnly(key) ? pinned : problems).push(`${key}: ${reason}`);
    }
  }
  live.sync();
  return withTransaction(ctx, (tx) => {
    const stored = Object.fromEntries(readStoredSettings(tx).map((s) => [s.key, s.value]));
    const next: Record<string, unknown> = { ...stored };
    for (const key of keys) {
      if (patch[key] === null) delete next[key];
      else next[key] = patch[key];
    }
    const before = applyConsole(live.base, stored, true).config;
    const after = applyConsole(live.base, next);
    problems.push(...after.problems);
    if (pinned.length && !problems.length) throw conflict(pinned.join("; "));
    if (problems.length || pinned.length) throw invalid([...problems, ...pinned].join("; "));

    const saved: Record<string, unknown> = { ...stored };
    const changed: string[] = [];
    for (const key of keys) {
      const field = FIELDS.get(key)!;
      const [oldValue, newValue] = [valueAt(before, key), valueAt(after.config, key)];
      if (patch[key] === null) {
        if (!(key in stored)) continue;
        delete saved[key];
        tx.db.delete(consoleSettings).where(eq(consoleSettings.key, key)).run();
      } else {
        saved[key] = newValue;
        const row = { value: newValue, updatedAt: tx.now(), updatedBy: tx.actor.name };
        tx.db.insert(consoleSettings).values({ key, ...row }).onConflictDoUpdate({ target: consoleSettings.key, set: row }).run();
      }
      if (JSON.stringify(oldValue) === JSON.stringify(newValue) && (patch[key] === null) === !(key in stored)) continue;
      changed.push(key);
      emitAudit(tx, patch[key] === null ? "setting.unset" : "setting.set", { type: "setting", name: key }, { old: shownValue(field, oldValue), new: shownValue(field, newValue), runtime: isRuntime(key) });
    }
    afterCommit(tx, () => live.load(saved, true));
    return { changed, restart_required: changed.filter((k) => !isRuntime(k)) };
  });
}
