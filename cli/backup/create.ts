import { defineCommand } from "citty";
import { createBackup } from "../../src/backups/create.ts";
import { io } from "../_io.ts";
import { action, withData } from "../_shared.ts";
import { humanSize } from "../recording/list.ts";
import { createArgs } from "./_args.ts";

/** A bar on stderr, redrawn at most 10 times a second; nothing at all off a terminal. */
function progressBar(): { update(done: number, total: number): void; clear(): void } | undefined {
  if (!io.stderrIsTTY()) return undefined;
  let last = 0;
  return {
    update(done, total) {
      const t = performance.now();
      if (t - last < 100 && done < total) return;
      last = t;
      const pct = total ? Math.floor((done * 100) / total) : 100;
      io.rawErr(`\r[${"#".repeat(Math.floor(pct / 4)).padEnd(25, ".")}] ${String(pct).padStart(3)}%  ${humanSize(done)} of ${humanSize(total)}\x1b[K`);
    },
    clear: () => io.rawErr("\r\x1b[K"),
  };
}

export default defineCommand({
  meta: { name: "create", description: "Take a backup now: a consistent snapshot while the server runs, in one .tar.gz with a manifest" },
  args: createArgs,
  run: action(async (args) => {
    const bar = progressBar();
    if (bar) io.rawErr("snapshotting the database…");
    const made = await withData(args, (ctx) => createBackup(ctx, { out: args.out, withRecordings: args["with-recordings"], onProgress: bar?.update })).finally(() => bar?.clear());
    const m = made.manifest;
    io.out(`backup written to ${made.file} (${humanSize(made.size)}; ${m.files.length} file${m.files.length === 1 ? "" : "s"}, schema version ${m.schema.version}${m.with_recordings ? ", with recordings" : ""})\n`);
  }),
});
