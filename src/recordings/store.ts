// Recording bytes on disk: <data dir>/recordings/<device row id>/<file>, directories 0700 and
// files 0600 like the rest of the data dir. Synchronous calls: an upload is checked, written and
// recorded without yielding, so two uploads never pass the same quota check.
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, statfsSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { invalid, ServiceError } from "../core/errors.ts";

// What the client produces, "incoming_<id>_<time>_display0_vp9.webm" (client: libs/scrap/src/common/record.rs:62-79 (rustdesk@7423dced)),
// and nothing that could name another directory.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function checkFileName(file: unknown): string {
  if (typeof file !== "string" || !FILE_NAME.test(file) || file.includes(".."))
    throw invalid("invalid file: a plain file name of letters, digits, '.', '_' and '-' is expected");
  return file;
}

export class RecordingStore {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = join(dataDir, "recordings");
  }

  pathOf(relative: string): string {
    return join(this.root, relative);
  }

  /** Bytes free for unprivileged writers on the disk that holds the recordings. */
  freeBytes(): number {
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    const s = statfsSync(this.root);
    return s.bavail * s.bsize;
  }

  create(relative: string): void {
    const path = this.pathOf(relative);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.io(() => closeSync(openSync(path, "w", 0o600)));
  }

  /** Writes at `offset`; if that fails part-way, the file is cut back to `size`, the length it had. */
  write(relative: string, offset: number, bytes: Uint8Array, size: number): void {
    this.io(() => {
      const fd = openSync(this.pathOf(relative), "r+");
      try {
        let done = 0;
        while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done, offset + done);
      } catch (e) {
        ftruncateSync(fd, size);
        throw e;
      } finally {
        closeSync(fd);
      }
    });
  }

  /** The file's length on disk, or null when it is gone. */
  sizeOf(relative: string): number | null {
    try {
      return statSync(this.pathOf(relative)).size;
    } catch {
      return null;
    }
  }

  remove(relative: string): void {
    rmSync(this.pathOf(relative), { force: true });
  }

  private io(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "ENOSPC" || code === "EDQUOT") throw new ServiceError("PAYLOAD_TOO_LARGE", "the server's disk is full", { cause: e });
      if (code === "ENOENT") throw new ServiceError("NOT_FOUND", "the recording's file is gone from the server; start a new one", { cause: e });
      throw e;
    }
  }
}
