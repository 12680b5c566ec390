import { defineCommand } from "citty";
import { listRecordings } from "../../src/recordings/service.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";
import { printTable } from "../_list.ts";
import { recordingJson as json } from "../../src/recordings/json.ts";

export const humanSize = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024 ** 3).toFixed(2)} GiB`);

export default defineCommand({
  meta: { name: "list", description: "List recordings, oldest first" },
  args: { device: { type: "string", description: "Only this device's (RustDesk ID)", valueHint: "id" }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const rows = await withData(args, (ctx) => listRecordings(ctx, { device: args.device }));
    if (args.json) return printJson(rows.map(json));
    printTable(["GUID", "DEVICE", "FILE", "SIZE", "STATE", "UPDATED"], rows.map((r) => [r.guid, r.device, r.file, humanSize(r.size), r.complete ? "complete" : "uploading", isoOrDash(r.updatedAt)]));
    io.out(`${rows.length} recording${rows.length === 1 ? "" : "s"}, ${humanSize(rows.reduce((n, r) => n + r.size, 0))}\n`);
  }),
});
