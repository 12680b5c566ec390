import { defineCommand } from "citty";
import { CONN_TYPES } from "../../src/audit/read.ts";
import { deviceSessions } from "../../src/devices/service.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { idArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "sessions", description: "Connection ids the device reports as live (as of its last heartbeat)" },
  args: { ...idArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const s = await withData(args, (ctx) => deviceSessions(ctx, args.id));
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const sessions = s.sessions.map((x) => ({ conn: x.conn, peer: x.peer, conn_type: x.connType === null ? null : (CONN_TYPES[x.connType] ?? x.connType), since: iso(x.since) }));
    if (args.json) return printJson({ conns: s.conns, sessions, disconnect_queued: s.queued, last_seen: iso(s.lastSeenAt) });
    if (!s.conns.length) return io.out("no live connection\n");
    const line = (x: (typeof sessions)[number]) => [String(x.conn), x.peer, x.conn_type, x.since && `since ${x.since.slice(0, 19).replace("T", " ")}`, s.queued.includes(x.conn) ? "(disconnect queued)" : null].filter(Boolean).join("  ");
    io.out(sessions.map(line).join("\n") + "\n");
  }),
});
