import { defineCommand } from "citty";
import { listDevices } from "../../src/devices/service.ts";
import { deviceStrategies } from "../../src/strategies/rollout.ts";
import { CliError, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { deviceJson, stateOf, strategyText } from "./_format.ts";
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
    const { list, strategies } = await withData(args, (ctx) => ({
      list: listDevices(ctx, { online: args.online, offlineDays: offline === undefined ? undefined : Number(offline), group: args.group, user: args.user, search: args.search }),
      strategies: new Map(deviceStrategies(ctx).map((s) => [s.device, s])),
    }));
    if (args.json) return printJson(list.map((d) => deviceJson(d, strategies.get(d.id))));
    const rows = list.map((d) => [d.id, d.sysinfo.hostname ?? "", d.online ? "online" : "", stateOf(d), d.owner, d.group, strategyText(strategies.get(d.id)), (d.sysinfo.os ?? "").split(" / ")[0] ?? "", d.lastSeenAt ? new Date(d.lastSeenAt).toISOString().slice(0, 19).replace("T", " ") : "never"]);
    printTable(["ID", "HOSTNAME", "ONLINE", "STATE", "OWNER", "GROUP", "STRATEGY", "OS", "LAST SEEN (UTC)"], rows);
  }),
});
