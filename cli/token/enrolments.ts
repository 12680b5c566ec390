import { defineCommand } from "citty";
import { listTokenEnrolments } from "../../src/tokens/enrolments.ts";
import { printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";
import { refArg } from "./_format.ts";

const setText = (set: Record<string, string | boolean>) =>
  Object.entries(set)
    .map(([k, v]) => `${k}=${typeof v === "string" && /[\s,"]/.test(v) ? JSON.stringify(v) : String(v)}`)
    .join(" ") || "-";

export default defineCommand({
  meta: { name: "enrolments", description: "The devices a key enrolled (rustdesk --assign / --deploy): when, from which IP, what it set" },
  args: { ...refArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { token, enrolments } = await withData(args, (ctx) => listTokenEnrolments(ctx, args.token));
    if (args.json)
      return printJson(
        enrolments.map((e) => ({ token: token.name, device: e.device, kind: e.kind, at: new Date(e.at).toISOString(), ip: e.ip, set: e.set, registered: e.registered })),
      );
    printTable(
      ["DEVICE", "KIND", "AT", "IP", "SET"],
      enrolments.map((e) => [`${e.device}${e.registered ? "" : " (deleted)"}`, e.kind, isoOrDash(e.at), e.ip ?? "-", setText(e.set)]),
    );
  }),
});
