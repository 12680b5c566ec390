// Strategies: create, edit, enable/disable, rename, delete, the server default. Every change is one
// transaction with its console-audit row; the heartbeat picks it up through the 'strategies' version
// the triggers of migration 0010 bump, from this process or the CLI's.
import { asc, eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import { checkEntityName, checkText } from "../core/validate.ts";
import { strategies } from "../db/schema.ts";
import { toStrategy, type Strategy, type StrategyRow } from "./model.ts";

export const target = (s: { guid: string; name: string }) => ({ type: "strategy", guid: s.guid, name: s.name });

export function findStrategy(ctx: ServiceContext, name: string): StrategyRow | undefined {
  return ctx.db.select().from(strategies).where(sql`${strategies.name} = ${name} collate nocase`).get();
}

export function requireStrategy(ctx: ServiceContext, name: string): StrategyRow {
  const s = findStrategy(ctx, name);
  if (!s) throw notFound(`strategy "${name}" not found`);
  return s;
}

export function requireStrategyByGuid(ctx: ServiceContext, guid: string): StrategyRow {
  const s = ctx.db.select().from(strategies).where(eq(strategies.guid, guid)).get();
  if (!s) throw notFound(`strategy ${guid} not found`);
  return s;
}

export function listStrategies(ctx: ServiceContext): Strategy[] {
  return ctx.db.select().from(strategies).orderBy(asc(strategies.name)).all().map(toStrategy);
}

export function checkReapplyHours(hours: number | null): number | null {
  if (hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > 8760)) throw invalid("reapply hours must be a whole number from 1 to 8760, or none");
  return hours;
}

export interface CreateStrategyInput {
  name: string;
  options?: Record<string, string>;
  note?: string;
  reapplyHours?: number | null;
}

/** `options` must already have passed the lint (lint.ts): the service stores what it is given. */
export function createStrategy(ctx: ServiceContext, input: CreateStrategyInput): Strategy {
  const name = checkEntityName("strategy", input.name);
  const note = checkText("note", input.note ?? "", 2000);
  const reapplyHours = checkReapplyHours(input.reapplyHours ?? null);
  return withTransaction(ctx, (tx) => {
    const same = findStrategy(tx, name);
    if (same) throw conflict(`a strategy named "${same.name}" already exists`);
    const now = tx.now();
    const row = tx.db.insert(strategies).values({ name, note, options: input.options ?? {}, reapplyHours, createdAt: now, updatedAt: now }).returning().get();
    emitAudit(tx, "strategy.create", target(row), { options: row.options, reapply_hours: reapplyHours });
    return toStrategy(row);
  });
}

export interface UpdateStrategyInput {
  /** Keys to set (already linted). */
  set?: Record<string, string>;
  /** Keys to remove. */
  unset?: string[];
  name?: string;
  note?: string;
  enabled?: boolean;
  reapplyHours?: number | null;
}

export function updateStrategy(ctx: ServiceContext, name: string, input: UpdateStrategyInput): Strategy {
  return withTransaction(ctx, (tx) => {
    const row = requireStrategy(tx, name);
    const changes: Partial<StrategyRow> = {};
    const details: Record<string, unknown> = {};
    if (input.set || input.unset) {
      const options = { ...row.options, ...input.set };
      const missing = (input.unset ?? []).filter((k) => !(k in row.options));
      if (missing.length) throw invalid(`strategy "${row.name}" does not set ${missing.join(", ")}`);
      for (const k of input.unset ?? []) delete options[k];
      if (JSON.stringify(options) !== JSON.stringify(row.options)) ((changes.options = options), (details.set = input.set ?? {}), (details.unset = input.unset ?? []));
    }
    if (input.name !== undefined) {
      const newName = checkEntityName("strategy", input.name);
      const same = findStrategy(tx, newName);
      if (same && same.id !== row.id) throw conflict(`a strategy named "${same.name}" already exists`);
      if (newName !== row.name) ((changes.name = newName), (details.from = row.name));
    }
    if (input.note !== undefined && input.note !== row.note) changes.note = checkText("note", input.note, 2000);
    if (input.enabled !== undefined && input.enabled !== row.enabled) changes.enabled = input.enabled;
    if (input.reapplyHours !== undefined && input.reapplyHours !== row.reapplyHours) ((changes.reapplyHours = checkReapplyHours(input.reapplyHours)), (details.reapply_hours = input.reapplyHours));
    if (!Object.keys(changes).length) return toStrategy(row);
    const updated = tx.db.update(strategies).set({ ...changes, updatedAt: tx.now() }).where(eq(strategies.id, row.id)).returning().get()!;
    const action = changes.enabled === undefined ? (changes.name ? "strategy.rename" : "strategy.update") : changes.enabled ? "strategy.enable" : "strategy.disable";
    emitAudit(tx, action, target(updated), details);
    return toStrategy(updated);
  });
}

/** Its devices fall through to the next level; keys it set are sent with "" at their next beat. */
export function deleteStrategy(ctx: ServiceContext, name: string): void {
  withTransaction(ctx, (tx) => {
    const row = requireStrategy(tx, name);
    tx.db.delete(strategies).where(eq(strategies.id, row.id)).run();
    emitAudit(tx, "strategy.delete", target(row));
  });
}

/** Makes `name` the server's default strategy (null: none). */
export function setDefaultStrategy(ctx: ServiceContext, name: string | null): Strategy | null {
  return withTransaction(ctx, (tx) => {
    const row = name === null ? null : requireStrategy(tx, name);
    const previous = tx.db.select().from(strategies).where(eq(strategies.isDefault, true)).get();
    if (previous?.id === row?.id) return row && toStrategy(row);
    if (previous) tx.db.update(strategies).set({ isDefault: false }).where(eq(strategies.id, previous.id)).run();
    const updated = row ? tx.db.update(strategies).set({ isDefault: true }).where(eq(strategies.id, row.id)).returning().get()! : null;
    emitAudit(tx, "strategy.default", updated ? target(updated) : null, { previous: previous?.name ?? null });
    return updated && toStrategy(updated);
  });
}
