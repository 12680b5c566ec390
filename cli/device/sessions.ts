import { defineCommand } from "citty";
import { deviceSessions } from "../../src/devices/service.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "sessions", description: "Connection ids the device reports as live (as of its last heartbeat)" },
  args: { ...idArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const s = await withData(args, (ctx) => deviceSessions(ctx, args.id));
    if (args.json) return printJson({ conns: s.conns, disconnect_queued: s.queued, last_seen: s.lastSeenAt === null ? null : new Date(s.lastSeenAt).toISOString() });
    if (!s.conns.length) return io.out("no live connection\n");
    io.out(s.conns.map((c) => `${c}${s.queued.includes(c) ? "  (disconnect queued)" : ""}`).join("\n") + "\n");
  }),
});
