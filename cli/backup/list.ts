import { defineCommand } from "citty";
import { listBackups } from "../../src/backups/list.ts";
import { io, printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { humanSize } from "../recording/list.ts";

export default defineCommand({
  meta: { name: "list", description: "List the backups in the backup dir, newest first" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const rows = await withData(args, (ctx) => listBackups(ctx));
    if (args.json) return printJson(rows);
    printTable(
      ["NAME", "SIZE", "CREATED (UTC)", "RDCONSOLE", "SCHEMA", "RECORDINGS"],
      rows.map((r) => [r.name, humanSize(r.size), r.created_at.replace(/\.\d+Z$/, "Z"), r.rdconsole_version ?? `unreadable: ${r.problem}`, r.schema_version === null ? "-" : String(r.schema_version), r.with_recordings ? "yes" : r.with_recordings === null ? "-" : "no"]),
    );
    if (rows.length) io.out(`${rows.length} backup${rows.length === 1 ? "" : "s"}, ${humanSize(rows.reduce((n, r) => n + r.size, 0))}\n`);
  }),
});
