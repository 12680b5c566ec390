// The seam between transports (HTTP routes, CLI) and services: services take (ctx, input).
import type { Config } from "../config/schema.ts";
import type { ActorType } from "../db/schema.ts";
import type { Db } from "../db/client.ts";
import { osUserName } from "./os-user.ts";
import type { Logger } from "./log.ts";

export interface Actor {
  readonly type: ActorType;
  readonly name: string;
  readonly guid?: string;
  readonly userId?: number;
  readonly isAdmin?: boolean;
  /** The operator's rights, as the CLI has them, while recorded as itself: rdconsole's own admin API. */
  readonly operator?: boolean;
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
  /** Set inside withTransaction: what runs once it has committed (see afterCommit). */
  readonly afterCommit?: (() => void)[];
  now(): number;
}

/** Runs `fn` once the caller's transaction has committed (never if it rolls back); at once outside one. */
export function afterCommit(ctx: ServiceContext, fn: () => void): void {
  if (ctx.afterCommit) ctx.afterCommit.push(fn);
  else fn();
}

export const systemActor: Actor = { type: "system", name: "system" };

export function cliActor(): Actor {
  const osUser = process.env.SUDO_USER || process.env.USER || process.env.LOGNAME || osUserName();
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
  const committed: (() => void)[] = [];
  const result = db.transaction(
    (tx) => {
      const result = fn({ ...ctx, db: tx, afterCommit: committed });
      // An async fn would commit before its awaits ran: refuse it (and roll back).
      if (result instanceof Promise) throw new Error("withTransaction needs a synchronous function");
      return result;
    },
    { behavior: "immediate" },
  );
  commits++;
  // A nested transaction (a savepoint) hands its work to the outer one, which may still roll back.
  if (ctx.afterCommit) ctx.afterCommit.push(...committed);
  else
    for (const f of committed) {
      try {
        f();
      } catch (e) {
        ctx.log.error("work after a commit failed", e); // the change itself is committed: the caller succeeded
      }
    }
  return result;
}
