import { defineCommand } from "citty";
import { explainDevice } from "../../src/strategies/explain.ts";
import { io, printJson } from "../_io.ts";
import { isoOrDash } from "../_values.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";

const VIA = { device: "assigned to the device", user: "assigned to its owner", device_group: "assigned to its device group", default: "the server's default" } as const;

export default defineCommand({
  meta: { name: "explain", description: "Which strategy applies to a device and why, what it should have, what was sent and whether the device confirmed it" },
  args: { device: { type: "positional", description: "Device (RustDesk ID)", required: true }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const e = await withData(args, (ctx) => explainDevice(ctx, args.device));
    if (args.json) return printJson(e);
    const keys = Object.keys(e.options).sort();
    io.out(
      [
        e.strategy ? `device ${e.device}: strategy ${e.strategy} (${VIA[e.level!]})` : `device ${e.device}: no strategy applies`,
        ...e.shadowed.map((s) => `  ${s.reason === "disabled" ? "skipped" : "shadowed"}: ${s.strategy} (${VIA[s.level]}${s.reason === "disabled" ? ", disabled" : ""})`),
        ...(keys.length ? [`should have (${keys.length}):`, ...keys.map((k) => `  ${k} = ${e.options[k] === "" ? '"" (back to the client default)' : e.options[k]}`)] : []),
        `state: ${e.state}${e.online ? " (online)" : " (offline)"}, last seen ${isoOrDash(e.lastSeenAt)}`,
        `last sent: ${isoOrDash(e.sentAt)}${e.sentOptions ? ` ${JSON.stringify(e.sentOptions)}` : ""}`,
        `confirmed: ${e.confirmedAt ? isoOrDash(e.confirmedAt) : "no"}`,
        "",
      ].join("\n"),
    );
  }),
});
