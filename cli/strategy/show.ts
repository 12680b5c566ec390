import { defineCommand } from "citty";
import { directAssignments } from "../../src/strategies/assigned.ts";
import { strategyStatus } from "../../src/strategies/explain.ts";
import { requireStrategy } from "../../src/strategies/service.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { nameArg } from "./_options.ts";

const list = (xs: string[]) => (xs.length ? xs.join(", ") : "-");

export default defineCommand({
  meta: { name: "show", description: "A strategy's options, whom it is assigned to and where it has landed" },
  args: { ...nameArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { status, assigned } = await withData(args, (ctx) => ({ status: strategyStatus(ctx, args.name), assigned: directAssignments(ctx, requireStrategy(ctx, args.name).id) }));
    const s = status.strategy;
    if (args.json)
      return printJson({
        guid: s.guid,
        name: s.name,
        enabled: s.enabled,
        default: s.isDefault,
        note: s.note,
        options: s.options,
        reapply_hours: s.reapplyHours,
        assigned: { devices: assigned.devices, users: assigned.users, device_groups: assigned.deviceGroups },
        devices: status.targeted,
        ...status.counts,
        created_at: new Date(s.createdAt).toISOString(),
        updated_at: new Date(s.updatedAt).toISOString(),
      });
    const keys = Object.keys(s.options).sort();
    io.out(
      [
        `strategy ${s.name} (${s.guid})${s.enabled ? "" : " — disabled"}${s.isDefault ? " — the default" : ""}`,
        ...(s.note ? [`note: ${s.note}`] : []),
        `re-apply: ${s.reapplyHours ? `every ${s.reapplyHours} h` : "on change only"}`,
        `options (${keys.length}):`,
        ...keys.map((k) => `  ${k} = ${s.options[k]}`),
        `assigned to devices: ${list(assigned.devices)}`,
        `assigned to users: ${list(assigned.users)}`,
        `assigned to device groups: ${list(assigned.deviceGroups)}`,
        `applies to ${status.targeted} device(s): ${status.counts.applied} applied, ${status.counts.pending} pending, ${status.counts.offline} offline`,
        "",
      ].join("\n"),
    );
  }),
});
