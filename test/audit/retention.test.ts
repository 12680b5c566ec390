// Retention: rows past their type's days go, in batches; the rest stay; 0 keeps forever.
import { expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { hourlyRetention, purgeExpired } from "../../src/jobs/retention.ts";
import { systemActor } from "../../src/core/context.ts";
import { RecordingStore } from "../../src/recordings/store.ts";
import { alarmAudit, auditNonces, connAudit, consoleAudit, fileAudit } from "../../src/db/schema.ts";
import { testEnv } from "../helpers/env.ts";

test("expired rows are purged in batches; fresh ones and 'forever' types are kept", async () => {
  const env = testEnv({ "audit.conn_days": "30", "audit.file_days": "7", "audit.alarm_days": "0" });
  const now = env.ctx.now();
  const DAY = 86_400_000;
  env.sqlite.transaction(() => {
    for (let i = 0; i < 2500; i++) env.db.insert(connAudit).values({ rdId: "1", connId: i, openedAt: now - 31 * DAY, updatedAt: now, seq: i + 1 }).run();
    env.db.insert(connAudit).values({ rdId: "1", connId: 9999, openedAt: now - 29 * DAY, updatedAt: now, seq: 9999 }).run();
    env.db.insert(fileAudit).values({ rdId: "1", direction: 0, createdAt: now - 8 * DAY }).run();
    env.db.insert(fileAudit).values({ rdId: "1", direction: 1, createdAt: now - 6 * DAY }).run();
    env.db.insert(alarmAudit).values({ rdId: "1", typ: 1, createdAt: now - 3000 * DAY }).run();
    env.db.insert(auditNonces).values({ nonce: "old", createdAt: now - 11 * 60_000 }).run();
    env.db.insert(auditNonces).values({ nonce: "new", createdAt: now - 60_000 }).run();
  })();
  const consoleRows = env.db.select().from(consoleAudit).all().length;
  expect(await purgeExpired(env.sqlite, env.config, now, ["audit_nonces"])).toBe(1);
  expect(env.db.select().from(connAudit).all()).toHaveLength(2501);
  expect(await purgeExpired(env.sqlite, env.config, now)).toBe(2501);
  expect(env.db.select().from(connAudit).all().map((r) => r.connId)).toEqual([9999]);
  expect(env.db.select().from(fileAudit).all().map((r) => r.direction)).toEqual([1]);
  expect(env.db.select().from(alarmAudit).all()).toHaveLength(1);
  expect(env.db.select().from(auditNonces).all().map((r) => r.nonce)).toEqual(["new"]);
  expect(env.db.select().from(consoleAudit).all()).toHaveLength(consoleRows); // console_days 0: forever
  env.close();
});

test("the hourly run leaves a console-audit row saying what it purged, by the system; nothing purged, no row", async () => {
  const env = testEnv({ "audit.alarm_days": "1" });
  const now = env.ctx.now();
  const system = { ...env.ctx, actor: systemActor };
  const store = new RecordingStore(env.config.data.dir);
  expect(await hourlyRetention(env.sqlite, system, store)).toEqual({});
  env.db.insert(alarmAudit).values({ rdId: "1", typ: 1, createdAt: now - 2 * 86_400_000 }).run();
  env.db.insert(auditNonces).values({ nonce: "old", createdAt: now - 11 * 60_000 }).run();
  expect(await hourlyRetention(env.sqlite, system, store)).toEqual({ alarm_audit: 1 });
  const rows = env.db.select().from(consoleAudit).where(eq(consoleAudit.action, "retention.purge")).all();
  expect(rows.map((r) => [r.actorType, r.actorName, r.targetName, r.details])).toEqual([["system", "system", "hourly", { alarm_audit: 1 }]]);
  env.close();
});
