// The seam between transports (HTTP routes, CLI) and services: services take (ctx, input).
import type { Config } from "./config/schema.ts";
import type { ActorType } from "./db/schema.ts";
import type { Db } from "./db/client.ts";
import type { Logger } from "./log.ts";

export interface Actor {
  readonly type: ActorType;
  readonly name: string;
  readonly guid?: string;
  readonly userId?: number;
  readonly isAdmin?: boolean;
}

/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface ServiceContext {
  readonly db: Db | Tx;
  readonly config: Config;
  readonly log: Logger;
  readonly actor: Actor;
  /** Client IP of the request, when there is one. */
  readonly ip?: string;
  now(): number;
}

export const systemActor: Actor = { type: "system", name: "system" };

export function cliActor(): Actor {
  const osUser = process.env.SUDO_USER || process.env.USER || process.env.LOGNAME || "unknown";
  return { type: "cli", name: `cli:${osUser}` };
}

let commits = 0;

/** How many transactions this process has committed: in-memory caches re-check the database when it moves. */
export const localCommits = () => commits;

/**
 * Runs `fn` in one IMMEDIATE transaction (nested calls become savepoints). Bun's SQLite is
 * synchronous: do async work such as password hashing before calling this.
 */
export function withTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => T): T {
  const db = ctx.db as Db;
  const result = db.transaction(
    (tx) => {
      const result = fn({ ...ctx, db: tx });
      // An async fn would commit before its awaits ran: refuse it (and roll back).
      if (result instanceof Promise) throw new Error("withTransaction needs a synchronous function");
      return result;
    },
    { behavior: "immediate" },
  );
  commits++;
  return result;
}
