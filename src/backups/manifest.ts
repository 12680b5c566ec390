// What a backup archive holds, written first in it (manifest.json) so a listing reads only the archive's head:
// format, versions, the schema (the migrations applied to the snapshot), and each file's size and sha256.
import { createReadStream } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { createGunzip } from "node:zlib";
import type { Config } from "../config/schema.ts";
import { readTar } from "./tar.ts";

export const MANIFEST = "manifest.json";
export const FORMAT = 1;
/** Names the server itself gives; the only ones listed, pruned and served for download. */
export const ARCHIVE_NAME = /^rdconsole-\d{8}T\d{6}(?:\d{3})?Z\.tar\.gz$/;

export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: number;
  rdconsole_version: string;
  /** The migrations applied to the database in the archive, oldest first; their count is the schema version. */
  schema: { version: number; migrations: string[] };
  created_at: string;
  with_recordings: boolean;
  files: ManifestFile[];
}

/** `backup.dir`, else <data dir>/backups; a relative one is taken from the data dir. */
export function backupDir(config: Config): string {
  const dir = config.backup.dir;
  if (!dir) return join(config.data.dir, "backups");
  return isAbsolute(dir) ? dir : resolve(config.data.dir, dir);
}

/** rdconsole-20261127T091500Z.tar.gz (UTC; milliseconds only when two backups share a second). */
export function archiveName(at: number, precise = false): string {
  const iso = new Date(at).toISOString().replace(/[-:]/g, "");
  return `rdconsole-${precise ? iso.replace(".", "") : iso.replace(/\.\d+/, "")}.tar.gz`;
}

export class ManifestError extends Error {}

export function parseManifest(text: string): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    throw new ManifestError("its manifest.json is not JSON");
  }
  const fileOk = (f: ManifestFile) => typeof f?.name === "string" && Number.isSafeInteger(f.size) && f.size >= 0 && /^[0-9a-f]{64}$/.test(f.sha256);
  if (typeof m !== "object" || m === null || typeof m.format !== "number") throw new ManifestError("its manifest.json has no format");
  if (m.format > FORMAT) throw new ManifestError(`it was written in backup format ${m.format}; this rdconsole reads format ${FORMAT} (upgrade rdconsole)`);
  if (!Array.isArray(m.files) || !m.files.every(fileOk) || !Array.isArray(m.schema?.migrations) || typeof m.created_at !== "string")
    throw new ManifestError("its manifest.json is incomplete");
  return m;
}

/** The manifest at the head of an archive, reading nothing past it. */
export async function readManifest(file: string): Promise<Manifest> {
  const stream = createReadStream(file).pipe(createGunzip());
  try {
    for await (const entry of readTar(stream)) {
      if (entry.name !== MANIFEST) break;
      const parts: Buffer[] = [];
      for await (const chunk of entry.body) parts.push(chunk);
      return parseManifest(Buffer.concat(parts).toString("utf8"));
    }
  } catch (e) {
    if (e instanceof ManifestError) throw e;
    throw new ManifestError(`it is not a readable backup archive (${(e as Error).message})`);
  } finally {
    stream.destroy();
  }
  throw new ManifestError("it does not start with a manifest.json");
}
