import { expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/bun-sqlite";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { likeFilter, naiveUtc } from "./list.ts";

const t = sqliteTable("t", { id: integer("id").primaryKey(), name: text("name") });
const db = drizzle(new Database(":memory:"));
db.run(sql`create table t (id integer primary key, name text)`);
db.insert(t).values([{ name: "Ops team" }, { name: "ops" }, { name: "dev_ops" }, { name: "" }, { name: null }]).run();
const names = (v: string | undefined) => db.select({ name: t.name }).from(t).where(likeFilter(t.name, v)).orderBy(t.id).all().map((r) => r.name);

test("exact without %, case-insensitive; LIKE with %; - is empty or unassigned; nothing filters nothing", () => {
  expect(names("OPS")).toEqual(["ops"]);
  expect(names("dev_ops")).toEqual(["dev_ops"]);
  expect(names("%ops%")).toEqual(["Ops team", "ops", "dev_ops"]);
  expect(names("%_ops")).toEqual(["dev_ops"]);
  expect(names("-")).toEqual(["", null]);
  expect(names(undefined)).toHaveLength(5);
  expect(names("")).toHaveLength(5);
});

test("Pro's naive UTC timestamps", () => {
  expect(naiveUtc(Date.parse("2026-11-22T19:09:57.541Z"))).toBe("2026-11-22T19:09:57.541");
});
