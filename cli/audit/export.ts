import { defineCommand } from "citty";
import { countLog, readLog, type LogEntry, type LogFilter } from "../../src/audit/read.ts";
import { countAllLogs, exportAllLogs } from "../../src/audit/read-all.ts";
import { CliError, io, outData } from "../_io.ts";
import { noEntries } from "../_list.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { duration } from "../_values.ts";
import { filterArgs, logType } from "./_filters.ts";

const PAGE = 1000;
const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const CSV_HEADER = "time,type,device,action,peer,guid,details\n";
const csvLine = (e: LogEntry) => `${[new Date(e.at).toISOString(), e.type, e.device, e.action, e.peer, e.guid, e.details].map(csvCell).join(",")}\n`;
const jsonLine = ({ position: _, ...e }: LogEntry) => `${JSON.stringify({ ...e, at: new Date(e.at).toISOString() })}\n`;

export default defineCommand({
  meta: { name: "export", description: "Every matching audit entry, oldest first (every log interleaved by time unless --type), as CSV or JSON lines (no row cap)" },
  args: {
    ...filterArgs,
    format: { type: "string", description: "csv or jsonl (default)", valueHint: "format" },
    out: { type: "string", description: "Write to this file instead of standard output (shows progress on a terminal)", valueHint: "file" },
    ...configArgs,
  },
  run: action(async (args) => {
    const type = logType(args.type);
    const format = args.format ?? "jsonl";
    if (format !== "csv" && format !== "jsonl") throw new CliError(`--format is csv or jsonl, not "${format}"`);
    const since = args.since === undefined ? null : duration("since", args.since);
    const file = args.out === undefined ? null : Bun.file(args.out).writer();
    const write = (text: string) => (file ? file.write(text) : outData(text));
    const progress = file !== null && Boolean(process.stderr.isTTY);
    const written = await withData(args, async (ctx) => {
      const base = { device: args.device, user: args.user, since: since === null ? undefined : ctx.now() - since };
      const total = type === null ? countAllLogs(ctx, base) : countLog(ctx, { type, ...base });
      if (format === "csv") write(CSV_HEADER);
      let done = 0;
      const report = async () => {
        if (progress) io.rawErr(`\r[${"#".repeat(Math.round((done / Math.max(total, 1)) * 30)).padEnd(30)}] ${done}/${total}`);
        if (file) await file.flush();
      };
      if (type === null) {
        for (const e of exportAllLogs(ctx, base, PAGE)) {
          write(format === "csv" ? csvLine(e) : jsonLine(e));
          if (++done % PAGE === 0) await report();
        }
        await report();
        return done;
      }
      const filter: LogFilter = { type, ...base };
      let cursor = 0;
      // In pages along the log's cursor: memory stays flat however big the export.
      for (;;) {
        const page = readLog(ctx, { ...filter, after: cursor, limit: PAGE });
        for (const e of page) write(format === "csv" ? csvLine(e) : jsonLine(e));
        done += page.length;
        await report();
        if (page.length < PAGE) break;
        cursor = page.at(-1)!.position;
      }
      return done;
    });
    if (written === 0 && !file) noEntries();
    if (file) {
      await file.end();
      io.err(`${progress ? "\n" : ""}exported ${written} ${type ?? "audit"} entr${written === 1 ? "y" : "ies"} to ${args.out}\n`);
    }
  }),
});
