// RustDesk Server Pro's audit routes (pro-admin-api §9, route table #47-#50), as res/audits.py reads
// them: one page of one log, newest first, times in epoch seconds, Pro's enums for types and operations.
import { Elysia } from "elysia";
import type { CoreDeps } from "../../core/deps.ts";
import { pageOf } from "../../core/page.ts";
import { proAlarmAudit, proConnAudit, proConsoleAudit, proFileAudit, type ProAuditFilter } from "../../audit/pro-read.ts";
import type { alarmAudit, connAudit, consoleAudit, fileAudit } from "../../db/schema.ts";
import { requestContext } from "../../http/context.ts";
import { adminAuth } from "../token-auth.ts";
import { epochSeconds, filterOf, intFilter, utcTimeFilter, type Query } from "./shared.ts";

const READ = { area: "audit" as const, write: false };

const conn = (r: typeof connAudit.$inferSelect) => ({
  guid: r.guid,
  id: r.rdId,
  peer_id: r.peerId,
  peer_name: r.peerName,
  ip: r.ip,
  // client: res/audits.py:124-128 (rustdesk@7423dced) labels a row without the key "Not Logged In": absent, never null.
  ...(r.connType === null ? {} : { conn_type: r.connType }),
  session_id: r.sessionId,
  conn_id: r.connId,
  primary_auth: r.primaryAuth,
  two_factor: r.twoFactor,
  note: r.note,
  created_at: epochSeconds(r.openedAt),
  end_time: r.closedAt === null ? null : epochSeconds(r.closedAt),
});

const file = (r: typeof fileAudit.$inferSelect) => ({
  guid: r.guid,
  id: r.rdId,
  peer_id: r.peerId,
  peer_name: r.peerName,
  type: r.direction,
  path: r.path,
  is_file: r.isFile,
  info: { files: r.files, ip: r.ip, name: r.peerName, num: r.fileCount },
  created_at: epochSeconds(r.createdAt),
});

const alarm = (r: typeof alarmAudit.$inferSelect) => ({ guid: r.guid, id: r.rdId, typ: r.typ, info: r.info, ip: r.ip, created_at: epochSeconds(r.createdAt) });

// Pro's console types and operations (client: res/audits.py:54-92 (rustdesk@7423dced)) for this server's actions.
const TYP: [RegExp, number][] = [
  [/^(group|device_group)\./, 0],
  [/^(user|auth|session)\./, 1],
  [/^device\./, 2],
  [/^ab(_rule|_peer|_tag)?\./, 3],
];
const IOP: Record<string, number> = {
  "auth.login": 0,
  "group.create": 1,
  "device_group.create": 1,
  "user.create": 2,
  "device.register": 3,
  "group.delete": 4,
  "device_group.delete": 4,
  "device.disconnect": 5,
  "user.enable": 6,
  "user.disable": 7,
  "device.enable": 8,
  "device.disable": 9,
  "group.access": 10,
  "group.add_user": 10,
  "group.remove_user": 10,
  "device_group.rename": 10,
  "device_group.update": 10,
  "device_group.add_devices": 10,
  "device_group.remove_devices": 10,
  "user.update": 11,
  "user.password": 11,
  "device.update": 12,
  "device.approve": 12,
  "device.rekey": 12,
  "device.enrol": 12,
  "user.delete": 13,
  "device.delete": 14,
  "ab.create": 15,
  "ab.delete": 16,
  "ab.update": 17,
  "ab_rule.set": 22,
  "ab_rule.remove": 21,
};

const consoleRow = (r: typeof consoleAudit.$inferSelect) => {
  const typ = TYP.find(([re]) => re.test(r.action))?.[1];
  const iop = IOP[r.action];
  return {
    guid: r.guid,
    operator: r.actorName,
    ...(typ === undefined ? {} : { typ }),
    ...(iop === undefined ? {} : { iop }),
    action: r.action,
    target: r.targetName ?? r.targetGuid,
    target_type: r.targetType,
    info: r.details,
    ip: r.ip,
    created_at: epochSeconds(r.createdAt),
  };
};

function filterFrom(q: Query): ProAuditFilter {
  return {
    remote: filterOf(q, "remote"),
    connType: intFilter(q, "conn_type"),
    device: filterOf(q, "device"),
    operator: filterOf(q, "operator"),
    // client: res/audits.py:189-203 (rustdesk@7423dced) sends UTC "YYYY-MM-DD HH:MM:SS.000", or what it could not parse as is.
    since: utcTimeFilter(q, "created_at"),
  };
}

export function proAuditRoutes(deps: CoreDeps) {
  const filters = "current, pageSize; created_at (UTC YYYY-MM-DD HH:MM:SS[.fff], rows at or after it)";
  return new Elysia({ name: "rdconsole/pro-audits", detail: { tags: ["admin: pro"] } })
    .use(adminAuth(deps))
    .get(
      "/api/audits/conn",
      ({ request, actor, query }) => {
        const { total, data } = proConnAudit(requestContext(deps, request, actor), filterFrom(query as Query), pageOf(query as Query, 10));
        return { total, data: data.map(conn) };
      },
      { apiToken: READ, detail: { summary: "Connection audit (Pro): {total, data}, newest first", description: `remote (LIKE: the device or the peer), conn_type; ${filters}.` } },
    )
    .get(
      "/api/audits/file",
      ({ request, actor, query }) => {
        const { total, data } = proFileAudit(requestContext(deps, request, actor), filterFrom(query as Query), pageOf(query as Query, 10));
        return { total, data: data.map(file) };
      },
      { apiToken: READ, detail: { summary: "File-transfer audit (Pro): {total, data}, newest first", description: `remote (LIKE: the device or the peer); ${filters}.` } },
    )
    .get(
      "/api/audits/alarm",
      ({ request, actor, query }) => {
        const { total, data } = proAlarmAudit(requestContext(deps, request, actor), filterFrom(query as Query), pageOf(query as Query, 10));
        return { total, data: data.map(alarm) };
      },
      { apiToken: READ, detail: { summary: "Alarm audit (Pro): {total, data}, newest first", description: `device (LIKE); ${filters}.` } },
    )
    .get(
      "/api/audits/console",
      ({ request, actor, query }) => {
        const { total, data } = proConsoleAudit(requestContext(deps, request, actor), filterFrom(query as Query), pageOf(query as Query, 10));
        return { total, data: data.map(consoleRow) };
      },
      { apiToken: READ, detail: { summary: "Console audit (Pro): {total, data}, newest first", description: `operator (LIKE); ${filters}.` } },
    );
}
