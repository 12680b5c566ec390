import { defineCommand } from "citty";
import { strategyStatus } from "../../src/strategies/explain.ts";
import { isoOrDash } from "../_values.ts";
import { io, printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";

export default defineCommand({
  meta: { name: "status", description: "Where a strategy has landed: devices applied (confirmed), pending (online, not yet) and offline" },
  args: { ...nameArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const st = await withData(args, (ctx) => strategyStatus(ctx, args.name));
    if (args.json)
      return printJson({
        strategy: st.strategy.name,
        devices: st.targeted,
        ...st.counts,
        list: st.devices.map((d) => ({ id: d.device, state: d.state, level: d.level, online: d.online, last_seen: d.lastSeenAt && new Date(d.lastSeenAt).toISOString(), sent_at: d.sentAt && new Date(d.sentAt).toISOString(), confirmed_at: d.confirmedAt && new Date(d.confirmedAt).toISOString() })),
      });
    io.out(`strategy ${st.strategy.name}${st.strategy.enabled ? "" : " (disabled)"}: ${st.targeted} device(s), ${st.counts.applied} applied, ${st.counts.pending} pending, ${st.counts.offline} offline\n`);
    printTable(["ID", "STATE", "VIA", "LAST SEEN", "SENT", "CONFIRMED"], st.devices.map((d) => [d.device, d.state, d.level ?? "-", isoOrDash(d.lastSeenAt), isoOrDash(d.sentAt), isoOrDash(d.confirmedAt)]));
  }),
});
