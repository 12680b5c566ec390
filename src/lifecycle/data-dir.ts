// The data dir: created 0700; the CLI refuses clearly when it cannot write it, and when run as
// root on a dir owned by the service user it switches to that user, so files it creates stay
// readable by the service (a root-owned WAL file would lock the server out).
import { accessSync, constants, mkdirSync, statSync, chmodSync, existsSync } from "node:fs";

export class DataDirError extends Error {}

export function ensureDataDir(dir: string): void {
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
    } catch (e) {
      throw new DataDirError(`cannot create the data dir ${dir}: ${(e as Error).message}`);
    }
  }
  if (!statSync(dir).isDirectory()) throw new DataDirError(`the data dir ${dir} is not a directory`);
}

export function adoptDataDirOwner(dir: string): void {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return;
  const { uid, gid } = statSync(dir);
  if (uid === 0) return;
  process.setgroups?.([gid]); // drop root's supplementary groups too
  process.setgid?.(gid);
  process.setuid?.(uid);
}

export function checkWritable(dir: string): void {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    const who = process.env.USER ?? `uid ${process.getuid?.()}`;
    throw new DataDirError(`cannot write the data dir ${dir} as ${who}; run as its owner (e.g. sudo -u rdconsole rdconsole …) or pass --data-dir`);
  }
}
