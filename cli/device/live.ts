import { defineCommand } from "citty";
import { listLiveSessions } from "../../src/devices/live-sessions.ts";
import { CliError, printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { optionValues } from "../_repeat.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";

const whole = (flag: string, v: string | undefined, min: number) => {
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) < min) throw new CliError(`--${flag} takes a whole number, ${min} or more`);
  return Number(v);
};

export default defineCommand({
  meta: { name: "live", description: "Remote sessions live now on every device (as GET /api/admin/sessions; as of the server's last presence write, ≈ 1 s)" },
  args: {
    filter: { type: "string", description: "name==v1,v2 (values OR-ed); repeat to AND several", valueHint: "name==values..." },
    "sort-by": { type: "string", description: "A field (default: device, then connection)", valueHint: "field" },
    reverse: { type: "boolean", description: "Reverse order" },
    start: { type: "string", description: "Skip this many", valueHint: "n" },
    limit: { type: "string", description: "At most this many", valueHint: "n" },
    ...jsonArg,
    ...configArgs,
  },
  run: action(async (args, rawArgs) => {
    const q = { filter: optionValues(rawArgs, "filter"), sortBy: args["sort-by"], sortReverse: args.reverse, start: whole("start", args.start, 0), limit: whole("limit", args.limit, 1) };
    const { data } = await withData(args, (ctx) => listLiveSessions(ctx, q));
    if (args.json) return printJson(data);
    const rows = data.map((s) => [s.id, s.device_name, s.user ?? "", [s.controller_id, s.controller_name && `(${s.controller_name})`].filter(Boolean).join(" "), s.type ?? "", s.since ? s.since.slice(0, 19).replace("T", " ") : "", s.ip ?? "", s.disconnect_queued ? "queued" : ""]);
    printTable(["SESSION", "DEVICE", "OWNER", "CONTROLLER", "TYPE", "SINCE (UTC)", "FROM", "DISCONNECT"], rows);
  }),
});
