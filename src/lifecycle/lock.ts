// One `serve` per data dir. A pid file created with O_EXCL; a stale one (its process is gone)
// is taken over. The CLI does not take the lock: it must work while the server runs.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

export class LockError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireLock(dataDir: string): { release(): void } {
  const path = join(dataDir, "serve.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return {
        release() {
          try {
            if (readFileSync(path, "utf8").trim() === String(process.pid)) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new LockError(`another rdconsole server (pid ${pid}) is already using the data dir ${dataDir}`);
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new LockError(`could not lock the data dir ${dataDir} (${path})`);
}
