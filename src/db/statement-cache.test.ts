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
