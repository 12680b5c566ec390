// The pieces behind the scrape: route families stay bounded; the console-audit tally counts each row once,
// keeps re-reading aggregated failure rows until they can no longer grow, and starts from the server's start.
import { expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { FAILURE_WINDOW_MS } from "../../src/auth/failure-audit.ts";
import { emitAudit } from "../../src/core/audit.ts";
import { cliActor, type ServiceContext } from "../../src/core/context.ts";
import { createLogger } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { consoleAudit } from "../../src/db/schema.ts";
import { auditTally, tallyKey } from "../../src/metrics/audit-tally.ts";
import { familyOf } from "../../src/metrics/http.ts";
import { testConfig } from "../helpers/env.ts";

test("route families: the noun under /api/admin/, /api/ or /", () => {
  expect(familyOf("/api/admin/users/2f1c/disable")).toBe("/api/admin/users");
  expect(familyOf("/api/admin/users/:guid")).toBe("/api/admin/users");
  expect(familyOf("/api/ab/peer/add/abc")).toBe("/api/ab");
  expect(familyOf("/api/login")).toBe("/api/login");
  expect(familyOf("/console/devices/123456789")).toBe("/console");
  expect(familyOf("/")).toBe("/");
  expect(familyOf("/api")).toBe("/api");
});

test("the audit tally: rows since the start, failure counts re-read until settled", () => {
  const config = testConfig();
  const { db, sqlite, close } = openDb(config.data.dir);
  let now = 1_000_000_000_000;
  const ctx: ServiceContext = { db, config, log: createLogger(config.log), actor: cliActor(), now: () => now };
  emitAudit(ctx, "auth.login", null, { via: "password" }); // before the start: not counted
  const tally = auditTally(sqlite);
  emitAudit(ctx, "auth.login", null, { via: "password" });
  emitAudit(ctx, "auth.login", null, { via: "sso:corp" });
  emitAudit(ctx, "auth.login", null, { via: "something-new" });
  emitAudit(ctx, "auth.login_failed", null, { reason: "wrong password", count: 1 });
  emitAudit(ctx, "auth.lockout", null, {});
  const failedRow = sqlite.query<{ id: number }, []>("SELECT max(id) AS id FROM console_audit WHERE action = 'auth.login_failed'").get()!.id;
  let t = tally(now);
  expect(t.get(tallyKey("auth.login", "password"))).toBe(1);
  expect(t.get(tallyKey("auth.login", "sso"))).toBe(1);
  expect(t.get(tallyKey("auth.login", "other"))).toBe(1);
  expect(t.get(tallyKey("auth.login_failed", "password"))).toBe(1);
  expect(t.get(tallyKey("auth.lockout"))).toBe(1);
  // The failure row grows (src/auth/failure-audit.ts) while its window is open: each read sees the new count.
  db.update(consoleAudit).set({ details: { reason: "wrong password", count: 4 } }).where(eq(consoleAudit.id, failedRow)).run();
  expect(tally(now).get(tallyKey("auth.login_failed", "password"))).toBe(4);
  // Once settled, a row is counted for good, and read no more; the same reading twice gives the same counts.
  now += FAILURE_WINDOW_MS + 120_000;
  expect(tally(now).get(tallyKey("auth.login_failed", "password"))).toBe(4);
  emitAudit(ctx, "auth.login", null, { via: "password" });
  t = tally(now);
  expect(t.get(tallyKey("auth.login", "password"))).toBe(2);
  expect(tally(now)).toEqual(t);
  close();
});
