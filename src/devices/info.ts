// A device's information in sections, after MeshCentral's deviceinfo (General, Operating System, its agent,
// Hardware, Networking) plus the live Sessions. MeshCentral keys fields by display labels with local-time
// strings ("Last agent connection": "4/17/2025, 1:07:31 AM") in an object whose key order is the section order;
// here sections are an ordered array and fields have stable snake_case keys with ISO times, for scripts.
import type { ServiceContext } from "../core/context.ts";
import { groupNameOf } from "../groups/service.ts";
import { findUserRow } from "../users/service.ts";
import { liveSessions } from "./live-sessions.ts";
import { platformOf } from "./platform.ts";
import { getDevice, requireDevice } from "./service.ts";

export type InfoValue = string | number | boolean | null | Record<string, string | number | boolean | null>[];
export interface InfoSection {
  name: "General" | "Operating System" | "RustDesk" | "Hardware" | "Networking" | "Sessions";
  fields: Record<string, InfoValue>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const orNull = (s: string | undefined) => (s === undefined || s === "" ? null : s);

/** `strategy`: the device's strategy and its rollout state (strategies/rollout.ts), given by the caller — devices sit below strategies. */
export function deviceInfo(ctx: ServiceContext, rdId: string, strategy?: { strategy: string | null; state: string }): { id: string; sections: InfoSection[] } {
  const row = requireDevice(ctx, rdId);
  const d = getDevice(ctx, rdId);
  const owner = d.owner ? findUserRow(ctx, d.owner) : undefined;
  // client: src/common.rs:878-883 (rustdesk@7423dced) sends os as "<distribution> / <long version>[ - <build>]".
  const os = d.sysinfo.os ?? "";
  const slash = os.indexOf(" / ");
  const sessions = liveSessions(ctx, rdId);
  const section = (name: InfoSection["name"], fields: InfoSection["fields"]): InfoSection => ({ name, fields });
  return {
    id: d.id,
    sections: [
      section("General", {
        name: d.alias || (d.sysinfo.hostname ?? d.id),
        id: d.id,
        alias: d.alias,
        host_name: orNull(d.sysinfo.hostname),
        owner: orNull(d.owner),
        owner_group: owner ? orNull(groupNameOf(ctx, owner.id)) : null,
        device_group: orNull(d.group),
        note: d.note,
        strategy: strategy?.strategy ?? null,
        strategy_state: strategy?.state ?? "none",
        status: d.pending ? "pending approval" : d.enabled ? "enabled" : "disabled",
        registered_at: iso(d.createdAt),
      }),
      section("Operating System", {
        platform: orNull(platformOf(os)),
        name: slash < 0 ? orNull(os) : os.slice(0, slash),
        version: slash < 0 ? null : orNull(os.slice(slash + 3)),
        os_user: orNull(d.deviceUsername || d.sysinfo.username),
      }),
      section("RustDesk", {
        client_version: orNull(d.sysinfo.version),
        last_sysinfo: iso(row.sysinfoAt),
        uuid: orNull(d.uuid),
        public_key: d.pk,
      }),
      section("Hardware", { cpu: orNull(d.sysinfo.cpu), memory: orNull(d.sysinfo.memory) }),
      section("Networking", { online: d.online, last_seen: iso(d.lastSeenAt), last_ip: d.lastIp }),
      section("Sessions", {
        live: sessions.length,
        sessions: sessions.map((s) => ({ id: s.id, conn: s.conn, controller_id: s.controller_id, controller_name: s.controller_name, type: s.type, since: s.since, ip: s.ip, disconnect_queued: s.disconnect_queued })),
      }),
    ],
  };
}
