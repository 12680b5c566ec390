import { afterEach, beforeEach, expect, test } from "bun:test";
import { testEnv } from "../../test/helpers/env.ts";
import { emitAudit } from "./audit.ts";
import { withTransaction } from "./context.ts";
import { consoleAudit } from "../db/schema.ts";

let env: ReturnType<typeof testEnv>;
beforeEach(() => {
  env = testEnv();
});
afterEach(() => env.close());

const rows = () => env.db.select().from(consoleAudit).all();

test("a throw rolls back every write of the transaction, audit row included", () => {
  expect(() =>
    withTransaction(env.ctx, (tx) => {
      emitAudit(tx, "user.create", { type: "user", name: "ghost" });
      throw new Error("boom");
    }),
  ).toThrow("boom");
  expect(rows()).toEqual([]);
});

test("nested calls become savepoints of the outer transaction", () => {
  withTransaction(env.ctx, (tx) => {
    emitAudit(tx, "user.create", { type: "user", name: "kept" });
    expect(() =>
      withTransaction(tx, (inner) => {
        emitAudit(inner, "user.delete", { type: "user", name: "undone" });
        throw new Error("inner");
      }),
    ).toThrow("inner");
  });
  expect(rows().map((r) => r.targetName)).toEqual(["kept"]);
});

test("an async function is refused and rolled back", () => {
  expect(() =>
    withTransaction(env.ctx, async (tx) => {
      emitAudit(tx, "user.create", { type: "user", name: "async" });
    }),
  ).toThrow("withTransaction needs a synchronous function");
  expect(rows()).toEqual([]);
});

test("audit rows carry actor, target, details and time", () => {
  withTransaction({ ...env.ctx, ip: "203.0.113.9" }, (tx) => emitAudit(tx, "user.disable", { type: "user", guid: "g-1", name: "bob" }, { reason: "left" }));
  expect(rows()).toMatchObject([
    { action: "user.disable", actorType: "cli", targetType: "user", targetGuid: "g-1", targetName: "bob", details: { reason: "left" }, ip: "203.0.113.9", createdAt: Date.parse("2026-11-22T12:00:00Z") },
  ]);
  expect(rows()[0]!.actorName).toStartWith("cli:");
});
