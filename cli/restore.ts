import { resolve } from "node:path";
import { defineCommand } from "citty";
import { restoreBackup } from "../src/backups/restore.ts";
import { knownMigrations } from "../src/db/migrate.ts";
import { adoptDataDirOwner, checkWritable, ensureDataDir } from "../src/lifecycle/data-dir.ts";
import { confirm, io, UsageError } from "./_io.ts";
import { action, configArgs, loadCliConfig } from "./_shared.ts";

export default defineCommand({
  meta: { name: "restore", description: "Restore a backup into the data dir (the server must be stopped); the current database is kept aside; asks unless --yes" },
  args: {
    file: { type: "positional", required: true, description: "The backup archive (.tar.gz)", valueHint: "file" },
    yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" },
    ...configArgs,
  },
  run: action(async (args) => {
    const { config } = loadCliConfig(args);
    const dir = config.data.dir;
    const file = resolve(args.file);
    if (!args.yes && !io.isTTY()) throw new UsageError("restore replaces the database: pass --yes to run it without a terminal");
    ensureDataDir(dir);
    adoptDataDirOwner(dir);
    checkWritable(dir);
    await confirm(`Restore ${file} into ${dir}? The current database is kept aside.`, args.yes);
    const r = await restoreBackup(dir, file);
    const m = r.manifest;
    io.out(`checked ${m.files.length} file(s) against the manifest: rdconsole ${m.rdconsole_version}, schema version ${m.schema.version}, taken ${m.created_at}\n`);
    io.out(r.keptAside.length ? `kept aside in ${dir}: ${r.keptAside.join(", ")}\n` : `nothing to keep aside in ${dir}\n`);
    io.out(`restored: ${r.restored.join(", ")}\n`);
    io.out(`integrity check: ${r.integrity}\n`);
    const pending = knownMigrations().length - m.schema.migrations.length;
    if (pending > 0) io.out(`the server brings the schema up to date (${pending} migration(s)) when it next starts\n`);
  }),
});
