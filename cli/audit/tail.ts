import { defineCommand } from "citty";
import { cursorOf, readLog, type LogEntry, type LogFilter } from "../../src/audit/read.ts";
import { readAllAfter, readAllLogs, newestCursors, type AllFilter } from "../../src/audit/read-all.ts";
import type { ServiceContext } from "../../src/core/context.ts";
import { CliError, io } from "../_io.ts";
import { noEntries } from "../_list.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { duration } from "../_values.ts";
import { filterArgs, logType } from "./_filters.ts";

const time = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** One line: time, log, device, what happened, who, and the details worth a glance. */
export function entryLine(e: LogEntry): string {
  const d = e.details;
  const extra =
    e.type === "conn"
      ? [d.conn_type, d.auth, d.two_factor ? `2FA ${d.two_factor}` : null, d.ip, d.duration_s !== null ? `${d.duration_s} s` : null, d.note ? `note: ${d.note}` : null]
      : e.type === "file"
        ? [d.path, d.count !== null ? `${d.count} file(s)` : null, d.ip]
        : e.type === "alarm"
          ? [d.ip, d.name]
          : [`${d.actor} → ${d.target_type ?? ""} ${d.target ?? ""}`.trim(), d.ip, typeof d.count === "number" && d.count > 1 ? `${d.count} times` : null];
  return [time(e.at), e.type.padEnd(7), (e.device ?? "-").padEnd(12), e.action, e.peer ?? "", extra.filter((x) => x !== null && x !== undefined && x !== "").join(", ")]
    .filter((x) => x !== "")
    .join("  ");
}

/** Every log, merged by time; --follow keeps a cursor per log and prints each poll's news in time order. */
async function tailAll(ctx: ServiceContext, filter: AllFilter, print: (e: LogEntry) => void, follow: boolean): Promise<void> {
  const cursors = newestCursors(ctx); // before the first read: what lands meanwhile is printed once
  const first = readAllLogs(ctx, filter);
  first.forEach(print);
  if (!first.length) noEntries();
  for (const e of first) cursors[e.type] = Math.max(cursors[e.type], cursorOf(e));
  while (follow) {
    await Bun.sleep(500);
    let news: LogEntry[];
    do {
      news = readAllAfter(ctx, filter, cursors);
      news.forEach(print);
    } while (news.length >= 1000);
  }
}

export default defineCommand({
  meta: { name: "tail", description: "The latest audit entries; --follow prints new ones as they land (also from a running server)" },
  args: {
    ...filterArgs,
    limit: { type: "string", description: "How many of the latest entries (default 50)", valueHint: "n" },
    follow: { type: "boolean", alias: "f", description: "Keep printing new entries until interrupted" },
    json: { type: "boolean", description: "One JSON object per line" },
    ...configArgs,
  },
  run: action(async (args) => {
    const type = logType(args.type);
    if (args.limit !== undefined && !/^\d+$/.test(args.limit)) throw new CliError("--limit takes a whole number");
    const since = args.since === undefined ? null : duration("since", args.since);
    const print = ({ position: _, ...e }: LogEntry) => io.out(args.json ? `${JSON.stringify({ ...e, at: new Date(e.at).toISOString() })}\n` : `${entryLine({ ...e, position: 0 })}\n`);
    await withData(args, async (ctx) => {
      const base = { device: args.device, user: args.user, since: since === null ? undefined : ctx.now() - since, limit: args.limit === undefined ? 50 : Number(args.limit) };
      if (type === null) return tailAll(ctx, base, print, Boolean(args.follow));
      const filter: LogFilter = { type, ...base };
      let last = readLog(ctx, filter);
      last.forEach(print);
      if (!last.length) noEntries();
      // After what was printed; with nothing printed, after the newest entry of the log, matching or not.
      const newest = last.at(-1) ?? readLog(ctx, { type, limit: 1 }).at(-1);
      let cursor = newest ? cursorOf(newest) : 0;
      // Polls the database: the rows come from the server, another process on the same data dir.
      while (args.follow) {
        await Bun.sleep(500);
        do {
          last = readLog(ctx, { ...filter, since: undefined, after: cursor, limit: 1000 });
          last.forEach(print);
          if (last.length) cursor = cursorOf(last.at(-1)!);
        } while (last.length === 1000);
      }
    });
  }),
});
