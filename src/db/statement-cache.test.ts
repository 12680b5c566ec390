import { Database } from "bun:sqlite";
import { expect, test } from "bun:test";
import { cachedClient } from "./statement-cache.ts";

test("one statement per SQL text, reused; the least recently used dropped past the bound", () => {
  const client = cachedClient(new Database(":memory:"), 2);
  const one = client.prepare("SELECT 1 AS n");
  expect(client.prepare("SELECT 1 AS n")).toBe(one);
  const two = client.prepare("SELECT 2 AS n");
  client.prepare("SELECT 1 AS n"); // now the most recent
  client.prepare("SELECT 3 AS n"); // evicts "SELECT 2"
  expect(client.prepare("SELECT 1 AS n")).toBe(one);
  expect(client.prepare("SELECT 2 AS n")).not.toBe(two);
  expect(one.get()).toEqual({ n: 1 });
  expect(one.get()).toEqual({ n: 1 });
});

test("clear() finalizes them, so closing the database closes it: the WAL is checkpointed and removed", async () => {
  const { mkdtempSync, existsSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join((await import("node:os")).tmpdir(), "rdc-cache-"));
  try {
    const db = new Database(join(dir, "x.db"), { create: true });
    db.run("PRAGMA journal_mode = WAL");
    db.run("CREATE TABLE t (n INTEGER)");
    const client = cachedClient(db);
    client.prepare("INSERT INTO t VALUES (1)").run();
    client.prepare("SELECT n FROM t").all();
    client.clear();
    db.close();
    expect(existsSync(join(dir, "x.db-wal"))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
