import { defineCommand } from "citty";
import { chmodSync, constants, copyFileSync, statSync, truncateSync } from "node:fs";
import { recordingFile } from "../../src/recordings/service.ts";
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
      const { row, path } = recordingFile(ctx, new RecordingStore(ctx.config.data.dir), args.recording);
      return { source: path, size: row.size, out: args.out ?? row.file };
    });
    try {
      // Exclusive unless --force; private like the data dir it comes from.
      copyFileSync(source, out, args.force ? 0 : constants.COPYFILE_EXCL);
    } catch (e) {
      if ((e as { code?: string }).code === "EEXIST") throw new CliError(`${out} exists; use --force to overwrite it`);
      throw new CliError(`cannot write ${out}: ${(e as Error).message}`);
    }
    chmodSync(out, 0o600);
    // Only the bytes the server accepted (a write that failed part-way may have left more).
    if (statSync(out).size > size) truncateSync(out, size);
    const written = statSync(out).size;
    if (written !== size) throw new CliError(`${out}: only ${written} of the recording's ${size} bytes are on disk`);
    io.out(`${out}: ${written} bytes\n`);
  }),
});
