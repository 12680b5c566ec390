import { defineCommand } from "citty";
import { existsSync } from "node:fs";
import { findRecording } from "../../src/recordings/service.ts";
import { RecordingStore } from "../../src/recordings/store.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "get", description: "Copy a recording out of the data dir" },
  args: {
    recording: { type: "positional", description: "Guid, or file name if only one recording has it", required: true },
    out: { type: "string", description: "Where to write it (default: its file name in the current directory)", valueHint: "file" },
    force: { type: "boolean", description: "Overwrite --out if it exists" },
    ...configArgs,
  },
  run: action(async (args) => {
    const { source, size, out } = await withData(args, (ctx) => {
      const row = findRecording(ctx, args.recording);
      return { source: new RecordingStore(ctx.config.data.dir).pathOf(row.path), size: row.size, out: args.out ?? row.file };
    });
    if (existsSync(out) && !args.force) throw new CliError(`${out} exists; use --force to overwrite it`);
    // The file may hold bytes past `size` from a part that was refused after it was written.
    const written = await Bun.write(out, Bun.file(source).slice(0, size));
    io.out(`${out}: ${written} bytes\n`);
  }),
});
