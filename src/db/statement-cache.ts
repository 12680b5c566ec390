// drizzle's bun-sqlite session prepares a new native statement for every query it runs, and each
// one lives until the garbage collector finalizes its small JS wrapper. Registering 100,000
// devices left ~60 MB of such statements and the holes they made in the allocator (bench:fleet).
// drizzle gets this client instead: statements are prepared once per SQL text and reused. drizzle
// only runs them to completion (run/all/values, never iterate), so one statement is never in use
// twice at once. The least recently used are dropped past MAX, for the GC to finalize.
import type { Database, Statement } from "bun:sqlite";

const MAX = 500;

export interface DrizzleClient {
  prepare(sql: string): Statement;
  /** Finalizes every cached statement: before closing, so the close really closes (and checkpoints). */
  clear(): void;
  exec(sql: string): void;
  transaction: Database["transaction"];
}

export function cachedClient(sqlite: Database, max = MAX): DrizzleClient {
  const cache = new Map<string, Statement>();
  return {
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt !== undefined) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    clear() {
      for (const stmt of cache.values()) stmt.finalize();
      cache.clear();
    },
    exec: (sql) => sqlite.exec(sql),
    transaction: sqlite.transaction.bind(sqlite),
  };
}
