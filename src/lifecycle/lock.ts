// One `serve` per data dir. The lock is an exclusive SQLite lock (an fcntl lock underneath) on
// serve.lock, held for the life of the process: the kernel drops it when the process dies, so a
// crash or a reboot never leaves a stale lock behind. serve.pid only tells who holds it.
import { Database } from "bun:sqlite";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class LockError extends Error {}

export function acquireLock(dataDir: string): { release(): void } {
  const lockPath = join(dataDir, "serve.lock");
  const pidPath = join(dataDir, "serve.pid");
  const db = new Database(lockPath, { create: true });
  try {
    db.run("PRAGMA busy_timeout = 0");
    db.run("PRAGMA locking_mode = EXCLUSIVE");
    db.run("BEGIN EXCLUSIVE");
  } catch {
    db.close();
    let holder = "";
    try {
      holder = ` (pid ${readFileSync(pidPath, "utf8").trim()})`;
    } catch {
      // no pid file: the holder is still starting
    }
    throw new LockError(`another rdconsole server${holder} is already using the data dir ${dataDir}`);
  }
  writeFileSync(pidPath, `${process.pid}\n`, { mode: 0o600 });
  return {
    release() {
      try {
        unlinkSync(pidPath);
      } catch {
        // already gone
      }
      db.close();
    },
  };
}
