// Scheduled backups on an injected clock: one when the newest archive is an interval old (none before), the
// oldest past backup.keep deleted; interval 0 is off; a failure is logged, counted, notified as
// backup.failed (to notify.backup_*), and retried an hour later rather than every minute.
import { afterAll, expect, test } from "bun:test";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { backupCounters, backupSchedule, pruneBackups } from "../../src/backups/schedule.ts";
import { configSchema } from "../../src/config/schema.ts";
import { targetsFor } from "../../src/notify/deliver.ts";
import { subscribe, type NotifyEvent } from "../../src/notify/events.ts";
import { tempDir, testConfig, testEnv } from "../helpers/env.ts";

const HOUR = 3_600_000;
const archives = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tar.gz")).sort();

test("due by the newest archive's time; keep prunes the oldest", async () => {
  const env = testEnv({ "backup.interval": "24h", "backup.keep": "2" });
  afterAll(() => env.close());
  const dir = join(env.config.data.dir, "backups");
  const schedule = backupSchedule(env.ctx);
  const succeeded = backupCounters.succeeded;
  expect(await schedule.tick()).toBe("taken");
  expect(archives(dir)).toEqual(["rdconsole-20261122T120000Z.tar.gz"]);
  env.advance(23 * HOUR);
  expect(await schedule.tick()).toBe("not-due");
  env.advance(HOUR);
  expect(await schedule.tick()).toBe("taken");
  // A restart (a new schedule) does not postpone the next one: the archives say when the last was.
  env.advance(24 * HOUR);
  expect(await backupSchedule(env.ctx).tick()).toBe("taken");
  expect(archives(dir)).toEqual(["rdconsole-20261123T120000Z.tar.gz", "rdconsole-20261124T120000Z.tar.gz"]);
  expect(backupCounters.succeeded).toBe(succeeded + 3);
});

test("interval 0 (the default) is off", async () => {
  const env = testEnv();
  afterAll(() => env.close());
  expect(env.config.backup.interval).toBe(0);
  expect(await backupSchedule(env.ctx).tick()).toBe("off");
});

test("pruning touches only archive names, keep 0 keeps all", () => {
  const dir = tempDir();
  for (const n of ["rdconsole-20260101T000000Z.tar.gz", "rdconsole-20260102T000000Z.tar.gz", "rdconsole-20260103T000000123Z.tar.gz", "notes.txt", "rdconsole-old.tar.gz"]) writeFileSync(join(dir, n), "");
  expect(pruneBackups(dir, 0)).toEqual([]);
  expect(pruneBackups(dir, 1)).toEqual(["rdconsole-20260101T000000Z.tar.gz", "rdconsole-20260102T000000Z.tar.gz"]);
  expect(readdirSync(dir).sort()).toEqual(["notes.txt", "rdconsole-20260103T000000123Z.tar.gz", "rdconsole-old.tar.gz"]);
});

test("a failure is counted, notified as backup.failed and retried an hour later", async () => {
  const blocker = join(tempDir(), "a-file");
  writeFileSync(blocker, "");
  const env = testEnv({ "backup.interval": "24h", "backup.dir": join(blocker, "backups") });
  afterAll(() => env.close());
  const events: NotifyEvent[] = [];
  const unsubscribe = subscribe((e) => events.push(e));
  try {
    const schedule = backupSchedule(env.ctx);
    const failed = backupCounters.failed;
    expect(await schedule.tick()).toBe("failed");
    expect(backupCounters.failed).toBe(failed + 1);
    expect(events).toEqual([{ kind: "backup.failed", title: "Scheduled backup failed", at: env.ctx.now(), data: { error: expect.stringContaining("ENOTDIR"), dir: join(blocker, "backups") } }]);
    env.advance(59 * 60_000);
    expect(await schedule.tick()).toBe("not-due");
    env.advance(60_000);
    expect(await schedule.tick()).toBe("failed");
    expect(backupCounters.failed).toBe(failed + 2);
  } finally {
    unsubscribe();
  }
});

test("backup.failed goes to notify.backup_webhooks and backup_emails", () => {
  const config = testConfig({ "notify.backup_webhooks": "https://hooks.example/b", "notify.webhook_secret": "s", "notify.backup_emails": "ops@example.com", "smtp.host": "mail.example", "smtp.from": "rd@example.com" });
  expect(targetsFor(config, "backup.failed")).toEqual([{ type: "webhook", to: "https://hooks.example/b" }, { type: "email", to: "ops@example.com" }]);
  expect(targetsFor(config, "alarm")).toEqual([]);
});

test("backup.interval takes durations; a bad one is a config error", () => {
  expect(testConfig({ "backup.interval": "90m" }).backup.interval).toBe(90 * 60_000);
  expect(testConfig({ "backup.interval": "7d" }).backup.interval).toBe(7 * 24 * HOUR);
  expect(testConfig({ "backup.interval": "" }).backup.interval).toBe(0);
  expect(() => testConfig({ "backup.interval": "30s" })).toThrow("backup.interval");
  expect(() => testConfig({ "backup.interval": "daily" })).toThrow('expected a duration such as "30m"');
  const shown = configSchema.backup.interval.mask!;
  expect([shown(36 * HOUR), shown(14 * 24 * HOUR), shown(90 * 60_000), shown(0)]).toEqual(["36h", "2w", "90m", ""]);
});
