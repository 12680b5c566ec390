// The files a backup takes besides the database snapshot, and their checksums.
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { RecordingStore } from "../recordings/store.ts";

export interface SourceFile {
  /** The name inside the archive. */
  name: string;
  path: string;
  size: number;
}

export const SECRET_KEY = "secret.key";

function walk(root: string, dir: string, out: SourceFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, out);
    else if (entry.isFile()) out.push({ name: `recordings/${relative(root, path)}`, path, size: statSync(path).size });
  }
}

/** secret.key (when the key is kept in the data dir) and, if asked, every recording file. */
export function extraFiles(dataDir: string, withRecordings: boolean): SourceFile[] {
  const out: SourceFile[] = [];
  const key = join(dataDir, SECRET_KEY);
  if (existsSync(key)) out.push({ name: SECRET_KEY, path: key, size: statSync(key).size });
  const root = new RecordingStore(dataDir).root;
  if (withRecordings && existsSync(root)) walk(root, root, out);
  return out;
}

/** The file's first `size` bytes, in chunks (a recording may grow while it is read: the rest is not taken). */
export async function* readPrefix(path: string, size: number): AsyncGenerator<Uint8Array> {
  if (size > 0) yield* createReadStream(path, { start: 0, end: size - 1, highWaterMark: 256 * 1024 });
}

export async function sha256Of(path: string, size: number): Promise<string> {
  const hash = new Bun.CryptoHasher("sha256");
  for await (const chunk of readPrefix(path, size)) hash.update(chunk);
  return hash.digest("hex");
}
