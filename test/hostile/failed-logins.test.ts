// Failed logins are aggregated in the console audit (issue 13 §3): one row per source and window
// with a count, and a bounded number of rows per window however many sources there are.
import { afterAll, expect, test } from "bun:test";
import { entryLine } from "../../cli/audit/tail.ts";
import { readLog } from "../../src/audit/read.ts";
import { FAILURE_WINDOW_MS, FailureAudit, MANY_ADDRESSES, MAX_ROWS_PER_WINDOW } from "../../src/auth/failure-audit.ts";
import type { ServiceContext } from "../../src/core/context.ts";
import { consoleAudit } from "../../src/db/schema.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const failed = (env: ReturnType<typeof testEnv>) => env.db.select().from(consoleAudit).all().filter((r) => r.action === "auth.login_failed");
const from = (env: ReturnType<typeof testEnv>, ip: string): ServiceContext => ({ ...env.ctx, ip, actor: { type: "anonymous", name: ip } });

test("repeated failures from one address: one row whose count grows", () => {
  const env = testEnv();
  const audit = new FailureAudit();
  for (let i = 0; i < 50; i++) audit.record(from(env, "203.0.113.5"), "auth.login_failed", "(unknown user)", "unknown user");
  const rows = failed(env);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ ip: "203.0.113.5", actorType: "anonymous", targetName: "(unknown user)" });
  expect(rows[0]!.details).toMatchObject({ reason: "unknown user", count: 50 });
  env.advance(FAILURE_WINDOW_MS);
  audit.record(from(env, "203.0.113.5"), "auth.login_failed", "(unknown user)", "unknown user");
  expect(failed(env)).toHaveLength(2); // a new window, a new row
  env.close();
});

test("a different account or reason is its own row", () => {
  const env = testEnv();
  const audit = new FailureAudit();
  audit.record(from(env, "203.0.113.5"), "auth.login_failed", "alice", "wrong password");
  audit.record(from(env, "203.0.113.5"), "auth.login_failed", "bob", "wrong password");
  audit.record(from(env, "203.0.113.5"), "auth.login_failed", "alice", "wrong password");
  expect(failed(env).map((r) => [r.targetName, r.details.count])).toEqual([["alice", 2], ["bob", 1]]);
  env.close();
});

test("a new address per request (a forged X-Forwarded-For) adds at most MAX_ROWS_PER_WINDOW + 1 rows per window", () => {
  const env = testEnv();
  const audit = new FailureAudit();
  const n = MAX_ROWS_PER_WINDOW * 20;
  for (let i = 0; i < n; i++) audit.record(from(env, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`), "auth.login_failed", "(unknown user)", "unknown user");
  const rows = failed(env);
  expect(rows).toHaveLength(MAX_ROWS_PER_WINDOW + 1);
  const many = rows.find((r) => r.actorName === MANY_ADDRESSES)!;
  expect(many.ip).toBeNull();
  expect(many.details.count).toBe(n - MAX_ROWS_PER_WINDOW);
  expect(rows.reduce((sum, r) => sum + (r.details.count as number), 0)).toBe(n); // every attempt is counted
  env.close();
});

const env = testEnv();
afterAll(() => env.close());

test("over HTTP: failed logins with random names from one address are one row, and audit tail shows the count", async () => {
  for (let i = 0; i < 5; i++) {
    const r = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody(`nobody-${crypto.randomUUID()}`, "guess"), headers: DART_JSON });
    expect(r.status).toBe(401);
  }
  const rows = failed(env);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.details).toMatchObject({ reason: "unknown user", count: 5 });
  const entry = readLog(env.ctx, { type: "console", limit: 10 }).find((e) => e.action === "auth.login_failed")!;
  expect(entryLine(entry)).toContain("5 times");
});
