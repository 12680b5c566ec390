// The archives in the backup dir, newest first, each described by its manifest; and the path of one by name,
// for a download (only names the server gives, so no name reaches another directory).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { invalid, notFound } from "../core/errors.ts";
import { ARCHIVE_NAME, backupDir, ManifestError, readManifest } from "./manifest.ts";

export interface BackupListing {
  name: string;
  file: string;
  size: number;
  created_at: string;
  rdconsole_version: string | null;
  schema_version: number | null;
  with_recordings: boolean | null;
  /** Why the manifest could not be read (a damaged archive). */
  problem: string | null;
}

/** The archive names in `dir`, oldest first (their names sort by time). */
export function archiveNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => ARCHIVE_NAME.test(n)).sort();
}

export async function listBackups(ctx: ServiceContext): Promise<BackupListing[]> {
  const dir = backupDir(ctx.config);
  const out: BackupListing[] = [];
  for (const name of archiveNames(dir).reverse()) {
    const file = join(dir, name);
    const stat = statSync(file);
    const base = { name, file, size: stat.size, created_at: stat.mtime.toISOString(), rdconsole_version: null, schema_version: null, with_recordings: null, problem: null };
    try {
      const m = await readManifest(file);
      out.push({ ...base, created_at: m.created_at, rdconsole_version: m.rdconsole_version, schema_version: m.schema.version, with_recordings: m.with_recordings });
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      out.push({ ...base, problem: e.message });
    }
  }
  return out;
}

/** The file of the archive `name` in the backup dir: INVALID_INPUT for a name the server never gives, NOT_FOUND if absent. */
export function backupFile(ctx: ServiceContext, name: string): string {
  if (!ARCHIVE_NAME.test(name)) throw invalid("invalid backup name: expected rdconsole-<UTC time>.tar.gz, as backup list shows it");
  const file = join(backupDir(ctx.config), name);
  if (!existsSync(file)) throw notFound(`backup ${name} not found`);
  return file;
}

/** The archive `name` for a download: the whole database leaving the server is audited (backup.download). */
export function downloadBackup(ctx: ServiceContext, name: string): { file: string; size: number } {
  const file = backupFile(ctx, name);
  const size = statSync(file).size;
  withTransaction(ctx, (tx) => emitAudit(tx, "backup.download", { type: "backup", name }, { size }));
  return { file, size };
}
