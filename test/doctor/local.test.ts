// The checks that read this machine: config, data dir owner and mode, database integrity (a corrupted file),
// schema version (a newer binary's database), WAL size, disk space, clock skew.
import { describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { chmodSync, chownSync, closeSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { checkClock } from "../../src/doctor/clock.ts";
import { checkConfig } from "../../src/doctor/config.ts";
import { checkDatabase } from "../../src/doctor/database.ts";
import { checkDataDir } from "../../src/doctor/data-dir.ts";
import { checkDisk } from "../../src/doctor/disk.ts";
import { openDb } from "../../src/db/client.ts";
import { tempDir, testConfig } from "../helpers/env.ts";

/** A migrated data dir (0700, the server's files in it) with some rows. */
function dataDir() {
  const dir = tempDir();
  chmodSync(dir, 0o700);
  const { sqlite, close } = openDb(dir);
  sqlite.run("CREATE TABLE filler (id INTEGER PRIMARY KEY, v TEXT)");
  const insert = sqlite.prepare("INSERT INTO filler (v) VALUES (?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${"x".repeat(100)}`);
  })();
  sqlite.run("CREATE INDEX filler_v ON filler (v)");
  sqlite.run("PRAGMA wal_checkpoint(TRUNCATE)");
  close();
  return dir;
}
const me = process.getuid!();

describe("config", () => {
  test("a valid configuration passes; the loader's problems fail with a fix", () => {
    expect(checkConfig(testConfig(), "/etc/rdconsole/rdconsole.toml").status).toBe("ok");
    const bad = checkConfig(null, "/etc/x.toml", ['unknown key "server.prot" (did you mean "server.port"?)', "smtp.from: required when smtp.host is set"]);
    expect(bad.status).toBe("fail");
    expect(bad.detail).toContain("server.prot");
    expect(bad.detail).toContain("smtp.from");
    expect(bad.fix).toContain("/etc/x.toml");
  });
});

describe("data dir", () => {
  test("0700 and owned by the server's user passes", () => {
    const r = checkDataDir(dataDir(), me);
    expect(r.status).toBe("ok");
  });
  test("a mode that lets others in fails with chmod", () => {
    const dir = dataDir();
    chmodSync(dir, 0o755);
    const r = checkDataDir(dir, me);
    expect(r).toMatchObject({ status: "fail", detail: expect.stringContaining("0755") });
    expect(r.fix).toContain(`chmod 700 ${dir}`);
  });
  test("a file owned by another account fails, named", () => {
    const dir = dataDir();
    if (me !== 0) {
      // not root: the server is said to run as someone else
      expect(checkDataDir(dir, me + 1).status).toBe("fail");
      return;
    }
    chownSync(join(dir, "rdconsole.db"), 4242, 4242);
    const r = checkDataDir(dir, me);
    expect(r).toMatchObject({ status: "fail", detail: expect.stringContaining("rdconsole.db is owned by uid 4242") });
    expect(r.fix).toStartWith("chown -R root: ");
  });
  test("a dir owned by another user than the server's fails", () => {
    const dir = dataDir();
    expect(checkDataDir(dir, 4243)).toMatchObject({ status: "fail", detail: expect.stringContaining("the server runs as uid 4243") });
  });
});

describe("database", () => {
  test("a healthy database: integrity, schema and wal pass", () => {
    const checks = checkDatabase(dataDir());
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ["database integrity", "ok"],
      ["database schema", "ok"],
      ["database wal", "ok"],
    ]);
  });
  test("a corrupted file fails quick_check", () => {
    const dir = dataDir();
    const path = join(dir, "rdconsole.db");
    const size = statSync(path).size;
    const fd = openSync(path, "r+");
    // Garbage over the pages in the middle of the file (the filler table and its index), header intact.
    for (let at = 8192; at < size - 8192; at += 4096) writeSync(fd, Buffer.alloc(600, 0x5a), 0, 600, at + 100);
    closeSync(fd);
    const integrity = checkDatabase(dir)[0]!;
    expect(integrity).toMatchObject({ name: "database integrity", status: "fail" });
    expect(integrity.fix).toContain("restore a backup");
  });
  test("a database written by a newer rdconsole fails with upgrade rdconsole", () => {
    const dir = dataDir();
    const db = new Database(join(dir, "rdconsole.db"));
    db.run("INSERT INTO __rdconsole_migrations (tag, hash, applied_at) VALUES ('9999_from_the_future', 'x', 1)");
    db.close();
    const schema = checkDatabase(dir)[1]!;
    expect(schema).toMatchObject({ status: "fail", detail: expect.stringContaining("9999_from_the_future") });
    expect(schema.fix).toContain("upgrade rdconsole");
  });
  test("a write-ahead log past the threshold warns", () => {
    const dir = dataDir();
    const db = new Database(join(dir, "rdconsole.db"));
    db.run("PRAGMA wal_autocheckpoint = 0");
    db.run("UPDATE filler SET v = v || 'y'");
    expect(checkDatabase(dir, 1024)[2]).toMatchObject({ name: "database wal", status: "warn" });
    expect(checkDatabase(dir)[2]).toMatchObject({ status: "ok" });
    db.close();
  });
  test("no database yet: skipped, not failed", () => {
    expect(checkDatabase(tempDir()).map((c) => c.status)).toEqual(["skip", "skip", "skip"]);
  });
  test("a file that is not a database fails", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rdconsole.db"), "this is not a database, just text ".repeat(200));
    expect(checkDatabase(dir)[0]!.status).toBe("fail");
  });
});

describe("disk space", () => {
  test("thresholds: ok, warn, fail", () => {
    const dir = tempDir();
    expect(checkDisk(dir, { warnBelow: 1, failBelow: 0 }).status).toBe("ok");
    expect(checkDisk(dir, { warnBelow: 2 ** 60, failBelow: 0 }).status).toBe("warn");
    const f = checkDisk(dir, { warnBelow: 2 ** 60, failBelow: 2 ** 59 });
    expect(f.status).toBe("fail");
    expect(f.fix).toContain(dir);
  });
  test("a data dir not created yet is measured on its parent", () => {
    expect(checkDisk(join(tempDir(), "not", "yet"), { warnBelow: 1, failBelow: 0 }).status).toBe("ok");
  });
});

describe("clock", () => {
  const now = Date.parse("2026-11-27T10:00:00Z");
  test("within a few seconds passes; past 5 s warns; past 30 s fails; nothing to compare skips", () => {
    expect(checkClock([{ source: "x", date: new Date(now - 1500).toUTCString() }], now).status).toBe("ok");
    expect(checkClock([{ source: "x", date: new Date(now + 12_000).toUTCString() }], now).status).toBe("warn");
    const f = checkClock([{ source: "SSO provider kc", date: new Date(now - 120_000).toUTCString() }], now);
    expect(f).toMatchObject({ status: "fail", detail: "119 s off SSO provider kc's clock" });
    expect(f.fix).toContain("timedatectl");
    expect(checkClock([{ source: "x", date: null }], now).status).toBe("skip");
  });
});
