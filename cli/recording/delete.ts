import { defineCommand } from "citty";
import { deleteRecording, findRecording } from "../../src/recordings/service.ts";
import { RecordingStore } from "../../src/recordings/store.ts";
import { confirm, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "delete", description: "Delete a recording and its file (asks unless --yes)" },
  args: {
    recording: { type: "positional", description: "Guid, or file name if only one recording has it", required: true },
    yes: { type: "boolean", alias: "y", description: "Do not ask for confirmation" },
    ...configArgs,
  },
  run: action(async (args) => {
    const gone = await withData(args, async (ctx) => {
      const row = findRecording(ctx, args.recording);
      await confirm(`Delete recording ${row.file} of device ${row.rdId}?`, args.yes);
      return deleteRecording(ctx, new RecordingStore(ctx.config.data.dir), row.guid);
    });
    io.out(`recording ${gone.file} deleted\n`);
  }),
});
