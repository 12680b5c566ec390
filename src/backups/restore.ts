// Restores a backup into a stopped server's data dir. Everything is checked before anything is touched:
// the server's lock, the manifest and every checksum, the schema (never one newer than this binary), the
// database's integrity. Then the current database (with its -wal and -shm), secret.key and — when the
// archive has recordings — the recordings are kept aside as *.before-restore-<time>, and the archive's put
// in their place; the integrity check runs again on the database where the server will open it.
import { chmodSync, existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ServiceError } from "../core/errors.ts";
import { DB_FILE } from "../db/client.ts";
import { knownMigrations } from "../db/migrate.ts";
import { acquireLock, LockError } from "../lifecycle/lock.ts";
import { extractArchive } from "./extract.ts";
import { SECRET_KEY } from "./files.ts";
import type { Manifest } from "./manifest.ts";
import { appliedMigrations, integrityCheck } from "./snapshot.ts";

export interface RestoreReport {
  manifest: Manifest;
  /** What was in the data dir before, now under its .before-restore-<time> name. */
  keptAside: string[];
  /** What the archive put in the data dir. */
  restored: string[];
  integrity: string;
}

const stampOf = (at: number) => new Date(at).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");

function checkSchema(migrations: readonly string[], where: string): void {
  const known = new Set(knownMigrations());
  const newer = migrations.filter((m) => !known.has(m));
  if (newer.length)
    throw new ServiceError("CONFLICT", `the backup's ${where} has a newer schema than this rdconsole knows (migration "${newer[0]}"): restore it with the rdconsole version that made it, or a later one`);
}

export async function restoreBackup(dataDir: string, file: string, now = Date.now()): Promise<RestoreReport> {
  if (!existsSync(file)) throw new ServiceError("NOT_FOUND", `${file} not found`);
  let lock: ReturnType<typeof acquireLock>;
  try {
    lock = acquireLock(dataDir);
  } catch (e) {
    if (!(e instanceof LockError)) throw e;
    throw new ServiceError("CONFLICT", `${e.message}; stop it first, a restore replaces its database`);
  }
  const work = mkdtempSync(join(dataDir, ".restore-"));
  try {
    const manifest = await extractArchive(file, work);
    checkSchema(manifest.schema.migrations, "manifest");
    const db = join(work, DB_FILE);
    if (!existsSync(db)) throw new ServiceError("INVALID_INPUT", "the backup holds no database; nothing was restored");
    checkSchema(appliedMigrations(db), "database");
    const before = integrityCheck(db);
    if (before !== "ok") throw new ServiceError("INVALID_INPUT", `the backup's database fails the integrity check (${before}); nothing was restored`);

    const suffix = `.before-restore-${stampOf(now)}`;
    const hasKey = existsSync(join(work, SECRET_KEY));
    const aside = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, ...(hasKey ? [SECRET_KEY] : []), ...(manifest.with_recordings ? ["recordings"] : [])];
    const keptAside: string[] = [];
    for (const name of aside) {
      if (!existsSync(join(dataDir, name))) continue;
      renameSync(join(dataDir, name), join(dataDir, name + suffix));
      keptAside.push(name + suffix);
    }
    const restored: string[] = [];
    for (const name of [DB_FILE, ...(hasKey ? [SECRET_KEY] : []), ...(manifest.with_recordings && existsSync(join(work, "recordings")) ? ["recordings"] : [])]) {
      renameSync(join(work, name), join(dataDir, name));
      if (name !== "recordings") chmodSync(join(dataDir, name), 0o600);
      restored.push(name);
    }
    const integrity = integrityCheck(join(dataDir, DB_FILE));
    if (integrity !== "ok") throw new ServiceError("INTERNAL", `the restored database fails the integrity check (${integrity}); the old one is kept as ${DB_FILE}${suffix}`);
    return { manifest, keptAside, restored, integrity };
  } finally {
    rmSync(work, { recursive: true, force: true });
    lock.release();
  }
}
