// How much disk the database takes and how much is left where it lives: for the status and dashboard pages.
import { statSync, statfsSync } from "node:fs";
import { join } from "node:path";
import { DB_FILE } from "./client.ts";

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0; // no WAL yet (or checkpointed away): nothing on disk
  }
};

export interface DatabaseFiles {
  path: string;
  /** Bytes of the main file and of its write-ahead log. */
  size: number;
  wal: number;
}

export function databaseFiles(dataDir: string): DatabaseFiles {
  const path = join(dataDir, DB_FILE);
  return { path, size: sizeOf(path), wal: sizeOf(`${path}-wal`) };
}

/** Bytes an unprivileged process may still write on the data dir's file system, or null where it cannot be read. */
export function diskFree(dataDir: string): number | null {
  try {
    const s = statfsSync(dataDir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}
