// Takes a backup while the server runs: the database snapshot (snapshot.ts), secret.key and optionally the
// recordings, streamed into one tar.gz with the manifest first. Written to <name>.partial and renamed when
// complete, so a listing never shows half an archive. One backup at a time per process.
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { dirname, join, resolve } from "node:path";
import { createGzip } from "node:zlib";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, ServiceError } from "../core/errors.ts";
import { VERSION } from "../core/version.ts";
import { DB_FILE } from "../db/client.ts";
import { extraFiles, readPrefix, sha256Of, type SourceFile } from "./files.ts";
import { archiveName, backupDir, FORMAT, MANIFEST, type Manifest } from "./manifest.ts";
import { appliedMigrations, snapshotDatabase } from "./snapshot.ts";
import { TarWriter } from "./tar.ts";

export interface CreateBackupInput {
  /** Where to write the archive; default <backup dir>/rdconsole-<UTC time>.tar.gz. */
  out?: string;
  withRecordings?: boolean;
  /** Bytes archived so far of the total (the progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface CreatedBackup {
  file: string;
  size: number;
  manifest: Manifest;
}

let running = false;

function targetFile(ctx: ServiceContext, out: string | undefined): string {
  if (out) {
    const file = resolve(out);
    if (existsSync(file)) throw conflict(`${file} already exists; choose another --out`);
    return file;
  }
  const dir = backupDir(ctx.config);
  const file = join(dir, archiveName(ctx.now()));
  return existsSync(file) ? join(dir, archiveName(ctx.now(), true)) : file;
}

async function writeArchive(file: string, manifest: Manifest, sources: SourceFile[], onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = sources.reduce((n, f) => n + f.size, 0);
  let done = 0;
  const gzip = createGzip({ level: 6 });
  const sink = createWriteStream(file, { flags: "wx", mode: 0o600 });
  // pipeline: a failed write (disk full) destroys gzip too, so no write waits for a drain forever.
  const closed = pipeline(gzip, sink);
  closed.catch(() => undefined); // awaited below
  const tar = new TarWriter(gzip);
  try {
    await tar.add(MANIFEST, Buffer.byteLength(JSON.stringify(manifest)), Buffer.from(JSON.stringify(manifest)));
    for (const [i, source] of sources.entries()) {
      const hash = new Bun.CryptoHasher("sha256");
      async function* counted() {
        for await (const chunk of readPrefix(source.path, source.size)) {
          hash.update(chunk);
          done += chunk.byteLength;
          onProgress?.(done, total);
          yield chunk;
        }
      }
      await tar.add(source.name, source.size, counted());
      if (hash.digest("hex") !== manifest.files[i]!.sha256) throw new ServiceError("CONFLICT", `${source.name} changed while it was being backed up; take the backup again`);
    }
    await tar.finish();
    gzip.end();
    await closed;
    // On disk before it is renamed into the list; FileHandle.sync runs off the event loop.
    const handle = await open(file, "r");
    await handle.sync().finally(() => handle.close());
  } catch (e) {
    gzip.destroy();
    sink.destroy();
    throw e;
  }
}

/** Makes one backup archive; `ctx.now()` names it. Audited as backup.create. */
export async function createBackup(ctx: ServiceContext, input: CreateBackupInput = {}): Promise<CreatedBackup> {
  if (running) throw conflict("a backup is already being made; try again when it is done");
  running = true;
  const dataDir = ctx.config.data.dir;
  let work: string | undefined;
  let partial: string | undefined;
  try {
    const file = targetFile(ctx, input.out);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    work = mkdtempSync(join(dirname(file), ".rdconsole-backup-"));
    const snapshot = join(work, DB_FILE);
    await snapshotDatabase(join(dataDir, DB_FILE), snapshot);
    const migrations = appliedMigrations(snapshot);
    const sources: SourceFile[] = [{ name: DB_FILE, path: snapshot, size: Bun.file(snapshot).size }, ...extraFiles(dataDir, input.withRecordings ?? false)];
    const files = [];
    for (const f of sources) files.push({ name: f.name, size: f.size, sha256: await sha256Of(f.path, f.size) });
    const manifest: Manifest = {
      format: FORMAT,
      rdconsole_version: VERSION,
      schema: { version: migrations.length, migrations },
      created_at: new Date(ctx.now()).toISOString(),
      with_recordings: input.withRecordings ?? false,
      files,
    };
    partial = `${file}.partial`;
    await writeArchive(partial, manifest, sources, input.onProgress);
    renameSync(partial, file);
    partial = undefined;
    chmodSync(file, 0o600);
    const size = Bun.file(file).size;
    withTransaction(ctx, (tx) => emitAudit(tx, "backup.create", { type: "backup", name: file }, { size, with_recordings: manifest.with_recordings, schema: manifest.schema.version }));
    return { file, size, manifest };
  } finally {
    running = false;
    if (work) rmSync(work, { recursive: true, force: true });
    if (partial) rmSync(partial, { force: true });
  }
}
