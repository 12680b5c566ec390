import { defineCommand } from "citty";
import { listDevices } from "../../src/devices/service.ts";
import { CliError, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { deviceJson, stateOf } from "./_format.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "List devices" },
  args: {
    online: { type: "boolean", description: "Only devices heard from recently" },
    "offline-days": { type: "string", description: "Only devices not heard from in N days", valueHint: "n" },
    group: { type: "string", description: "Only this device group", valueHint: "name" },
    user: { type: "string", description: "Only devices of this user", valueHint: "name" },
    search: { type: "string", description: "ID, alias, host name or note contains", valueHint: "text" },
    ...jsonArg,
    ...configArgs,
  },
  run: action(async (args) => {
    const offline = args["offline-days"];
    if (offline !== undefined && !/^\d+$/.test(offline)) throw new CliError("--offline-days takes a whole number");
    const list = await withData(args, (ctx) => listDevices(ctx, { online: args.online, offlineDays: offline === undefined ? undefined : Number(offline), group: args.group, user: args.user, search: args.search }));
    if (args.json) return printJson(list.map(deviceJson));
    const rows = list.map((d) => [d.id, d.sysinfo.hostname ?? "", d.online ? "online" : "", stateOf(d), d.owner, d.group, (d.sysinfo.os ?? "").split(" / ")[0] ?? "", d.lastSeenAt ? new Date(d.lastSeenAt).toISOString().slice(0, 19).replace("T", " ") : "never"]);
    printTable(["ID", "HOSTNAME", "ONLINE", "STATE", "OWNER", "GROUP", "OS", "LAST SEEN (UTC)"], rows);
  }),
});
