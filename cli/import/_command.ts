// The two import verbs differ only in the server they read: the same arguments, the same summary.
import { defineCommand } from "citty";
import { runImport } from "../../src/importers/run.ts";
import { KINDS, type ImportReport } from "../../src/importers/report.ts";
import type { Server } from "../../src/importers/source.ts";
import { io, printJson, table } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";

function printReport(r: ImportReport): void {
  const verb = r.dryRun ? "would create" : "created";
  io.out(table(["KIND", verb.toUpperCase(), "ALREADY HERE", "SKIPPED"], KINDS.map((k) => [k, String(r.counts[k].created), String(r.counts[k].existing), String(r.counts[k].skipped)])));
  for (const kind of ["user", "group", "device_group", "book"] as const)
    if (r.created[kind].length) io.out(`${verb} ${kind}${r.created[kind].length > 1 ? "s" : ""}: ${r.created[kind].join(", ")}\n`);
  for (const s of r.skipped) io.out(`skipped ${s.kind} ${s.name}: ${s.reason}\n`);
  for (const n of r.notes) io.out(`note: ${n.kind} ${n.name}: ${n.reason}\n`);
  io.out(r.dryRun ? "dry run: nothing was written\n" : `imported from ${r.server} (${r.file})\n`);
}

export function importCommand(server: Server, description: string, fileHint: string) {
  return defineCommand({
    meta: { name: server, description },
    args: {
      file: { type: "positional", description: `The ${server} database (${fileHint})`, required: true },
      "dry-run": { type: "boolean", description: "Print what would be created and skipped; write nothing" },
      ...jsonArg,
      ...configArgs,
    },
    run: action(async (args) => {
      const report = await withData(args, (ctx) => runImport(ctx, { server, file: args.file, dryRun: Boolean(args["dry-run"]) }));
      if (args.json) return printJson(report);
      printReport(report);
    }),
  });
}
