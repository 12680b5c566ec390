// A backup made by createBackup restores into another data dir with everything in it (database, secret.key,
// recordings), the old files kept aside; and every refusal leaves the data dir as it was: a flipped byte,
// a wrong checksum, an extra or missing file, a newer schema, a running server.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Database } from "bun:sqlite";
import { createBackup } from "../../src/backups/create.ts";
import { readManifest } from "../../src/backups/manifest.ts";
import { restoreBackup } from "../../src/backups/restore.ts";
import { listBackups } from "../../src/backups/list.ts";
import { knownMigrations } from "../../src/db/migrate.ts";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { acquireLock } from "../../src/lifecycle/lock.ts";
import { secretBox } from "../../src/crypto/secret-box.ts";
import { tempDir, testEnv } from "../helpers/env.ts";
import { handmadeArchive, sha256 } from "./_archive.ts";

const env = testEnv();
afterAll(() => env.close());
createDeviceGroup(env.ctx, { name: "Before backup" });
const sealed = secretBox(env.config).seal("JBSWY3DPEHPK3PXP"); // creates secret.key
const recording = crypto.getRandomValues(new Uint8Array(100_000));
mkdirSync(join(env.config.data.dir, "recordings", "7"), { recursive: true });
writeFileSync(join(env.config.data.dir, "recordings", "7", "incoming_1_2_display0_vp9.webm"), recording);

const made = await createBackup(env.ctx, { withRecordings: true });
const groupsIn = (dir: string) => new Database(join(dir, "rdconsole.db"), { readonly: true }).query<{ name: string }, []>("SELECT name FROM device_groups ORDER BY name").all().map((r) => r.name);

describe("create", () => {
  test("the archive: 0600, manifest first with versions, schema and checksums; listed", async () => {
    expect(made.file).toStartWith(join(env.config.data.dir, "backups", "rdconsole-"));
    expect(Bun.file(made.file).size).toBe(made.size);
    const { mode } = await import("node:fs").then((fs) => fs.statSync(made.file));
    expect(mode & 0o777).toBe(0o600);
    const m = await readManifest(made.file);
    expect(m).toEqual(made.manifest);
    expect(m).toMatchObject({ format: 1, rdconsole_version: expect.any(String), with_recordings: true, schema: { version: knownMigrations().length, migrations: knownMigrations() } });
    expect(m.files.map((f) => f.name)).toEqual(["rdconsole.db", "secret.key", "recordings/7/incoming_1_2_display0_vp9.webm"]);
    expect(m.files[2]).toEqual({ name: "recordings/7/incoming_1_2_display0_vp9.webm", size: recording.length, sha256: sha256(recording) });
    expect((await listBackups(env.ctx)).map((b) => [b.name, b.schema_version, b.problem])).toEqual([[made.file.split("/").at(-1)!, knownMigrations().length, null]]);
    expect(env.sqlite.query("SELECT actor_type, target_name FROM console_audit WHERE action = 'backup.create'").all()).toEqual([{ actor_type: "cli", target_name: made.file }]);
  });

  test("--out refuses an existing file; a second backup in the same second gets another name", async () => {
    await expect(createBackup(env.ctx, { out: made.file })).rejects.toThrow("already exists");
    const again = await createBackup(env.ctx, {});
    expect(again.file).not.toBe(made.file);
    expect((await listBackups(env.ctx)).length).toBe(2);
  });
});

describe("restore", () => {
  test("into another data dir: the database, secret.key and recordings; the old ones kept aside; integrity ok", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rdconsole.db"), "old database");
    writeFileSync(join(dir, "rdconsole.db-wal"), "old wal");
    writeFileSync(join(dir, "secret.key"), "old key");
    const r = await restoreBackup(dir, made.file, Date.UTC(2026, 10, 27, 10, 0, 0));
    expect(r.integrity).toBe("ok");
    expect(r.restored).toEqual(["rdconsole.db", "secret.key", "recordings"]);
    expect(r.keptAside).toEqual(["rdconsole.db.before-restore-20261127T100000Z", "rdconsole.db-wal.before-restore-20261127T100000Z", "secret.key.before-restore-20261127T100000Z"]);
    expect(readFileSync(join(dir, "rdconsole.db-wal.before-restore-20261127T100000Z"), "utf8")).toBe("old wal");
    expect(existsSync(join(dir, "rdconsole.db-wal"))).toBe(false);
    expect(groupsIn(dir)).toContain("Before backup");
    expect(secretBox({ ...env.config, data: { ...env.config.data, dir } }).open(sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(new Uint8Array(readFileSync(join(dir, "recordings", "7", "incoming_1_2_display0_vp9.webm")))).toEqual(recording);
    expect(readdirSync(dir).filter((n) => n.startsWith(".restore-"))).toEqual([]);
  });

  const refused = async (file: string, message: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, "rdconsole.db"), "current");
    await expect(restoreBackup(dir, file)).rejects.toThrow(message);
    expect(readdirSync(dir).sort()).toEqual(["rdconsole.db", "serve.lock"]);
    expect(readFileSync(join(dir, "rdconsole.db"), "utf8")).toBe("current");
  };

  test("a flipped byte anywhere is refused and nothing is touched", async () => {
    const bytes = readFileSync(made.file);
    for (const at of [20, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const bad = Buffer.from(bytes);
      bad[at] = bad[at]! ^ 0x40;
      const file = join(tempDir(), "bad.tar.gz");
      writeFileSync(file, bad);
      await refused(file, "the backup is damaged or not a backup");
    }
  });

  test("a file that does not match its checksum, one not in the manifest, one missing: refused", async () => {
    const db = env.sqlite.serialize();
    const dir = tempDir();
    const wrong = join(dir, "wrong.tar.gz");
    await handmadeArchive(wrong, [["rdconsole.db", db]], { files: [{ name: "rdconsole.db", size: db.length, sha256: "0".repeat(64) }] });
    await refused(wrong, "rdconsole.db does not match its checksum");
    const extra = join(dir, "extra.tar.gz");
    await handmadeArchive(extra, [["rdconsole.db", db]], { files: [] });
    await refused(extra, '"rdconsole.db" is not in its manifest');
    const missing = join(dir, "missing.tar.gz");
    await handmadeArchive(missing, [], { files: [{ name: "rdconsole.db", size: 1, sha256: "0".repeat(64) }] });
    await refused(missing, "rdconsole.db is listed in its manifest but not in it");
    const escape = join(dir, "escape.tar.gz");
    await handmadeArchive(escape, [["../rdconsole.db", db]]);
    await refused(escape, '"../rdconsole.db" is not in its manifest');
  });

  test("a newer schema than this binary knows is refused, by the manifest or by the database itself", async () => {
    const dir = tempDir();
    const db = env.sqlite.serialize();
    const byManifest = join(dir, "newer.tar.gz");
    await handmadeArchive(byManifest, [["rdconsole.db", db]], { schema: { version: 99, migrations: [...knownMigrations(), "0099_from-the-future"] } });
    await refused(byManifest, 'newer schema than this rdconsole knows (migration "0099_from-the-future")');
    const future = join(dir, "future.db");
    writeFileSync(future, db);
    const f = new Database(future);
    f.run("INSERT INTO __rdconsole_migrations (tag, hash, applied_at) VALUES ('0099_from-the-future', 'x', 0)");
    f.close();
    const byDatabase = join(dir, "newer-db.tar.gz");
    await handmadeArchive(byDatabase, [["rdconsole.db", readFileSync(future)]], { schema: { version: 1, migrations: [] } });
    await refused(byDatabase, "the backup's database has a newer schema");
  });

  test("refused while a server holds the data dir's lock", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rdconsole.db"), "current");
    const lock = acquireLock(dir);
    try {
      await expect(restoreBackup(dir, made.file)).rejects.toThrow(`another rdconsole server (pid ${process.pid}) is already using the data dir ${dir}; stop it first`);
      expect(readFileSync(join(dir, "rdconsole.db"), "utf8")).toBe("current");
    } finally {
      lock.release();
    }
  });
});
