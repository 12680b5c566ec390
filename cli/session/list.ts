import { defineCommand } from "citty";
import { listSessions, type SessionView } from "../../src/auth/sessions.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";
import { printTable } from "../_list.ts";

const json = (s: SessionView) => ({
  id: s.id,
  guid: s.guid,
  user: s.user,
  kind: s.kind,
  device_id: s.deviceId,
  device_uuid: s.deviceUuid,
  device_name: s.deviceInfo.name ?? "",
  device_os: s.deviceInfo.os ?? "",
  ip: s.ip,
  created_at: new Date(s.createdAt).toISOString(),
  last_used_at: new Date(s.lastUsedAt).toISOString(),
  expires_at: new Date(s.expiresAt).toISOString(),
});

export default defineCommand({
  meta: { name: "list", description: "List live logins (client, and console sign-ins)" },
  args: { user: { type: "string", description: "Only this user's", valueHint: "name" }, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const sessions = await withData(args, (ctx) => listSessions(ctx, { user: args.user }));
    if (args.json) return printJson(sessions.map(json));
    const rows = sessions.map((s) => [String(s.id), s.user, s.kind, s.deviceId, s.deviceInfo.name ?? "", s.deviceInfo.os ?? "", s.ip ?? "", isoOrDash(s.lastUsedAt)]);
    printTable(["ID", "USER", "KIND", "DEVICE", "NAME", "OS", "IP", "LAST USED"], rows);
  }),
});
