import { defineCommand } from "citty";
import { sharedBooksWithPeer } from "../../src/addressbook/peer-books.ts";
import { getDevice } from "../../src/devices/service.ts";
import { explainDevice } from "../../src/strategies/explain.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { deviceJson, idArg, stateOf, strategyText } from "./_format.ts";

export default defineCommand({
  meta: { name: "show", description: "Show a device: system info, owner, group, last seen, live connections" },
  args: { ...idArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { d, s, books } = await withData(args, (ctx) => ({ d: getDevice(ctx, args.id), s: explainDevice(ctx, args.id), books: sharedBooksWithPeer(ctx, args.id) }));
    if (args.json) return printJson({ ...deviceJson(d, s), address_books: books });
    const lines: [string, string][] = [
      ["id", d.id],
      ["guid", d.guid],
      ["state", `${stateOf(d)}${d.online ? ", online" : ""}`],
      ["owner", d.owner || "-"],
      ["device group", d.group || "-"],
      ["strategy", strategyText(s)],
      ["alias", d.alias],
      ["note", d.note],
      ["address books", books.map((b) => `${b.book}${b.tags.length ? ` (tags: ${b.tags.join(", ")})` : ""}`).join("; ") || "-"],
      ...(d.deviceUsername ? [["device username", d.deviceUsername] as [string, string]] : []),
      ...(d.pk ? [["public key", d.pk] as [string, string]] : []),
      ["last seen", d.lastSeenAt ? `${new Date(d.lastSeenAt).toISOString()} from ${d.lastIp ?? "?"}` : "never"],
      ["connections", d.conns.join(", ") || "none"],
      ...Object.entries(d.sysinfo).map(([k, v]): [string, string] => [k, v]),
    ];
    io.out(lines.map(([k, v]) => `${k.padEnd(26)} ${v}`).join("\n") + "\n");
  }),
});
