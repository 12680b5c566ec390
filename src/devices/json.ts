// A device as JSON, for `device list/show --json` and the admin API: stable field names, close to RustDesk
// Server Pro's device objects (client: res/devices.py:52-65 (rustdesk@7423dced)).
import type { DeviceView } from "./service.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `s`: the device's strategy (strategies/rollout.ts: DeviceStrategy), given by the caller — devices sit below strategies. */
export function deviceJson(d: DeviceView, s?: { strategy: string | null; state: string }) {
  return {
    guid: d.guid,
    id: d.id,
    uuid: d.uuid,
    status: d.enabled ? 1 : 0,
    pending_approval: d.pending,
    is_online: d.online,
    user_name: d.owner,
    device_group_name: d.group,
    alias: d.alias,
    note: d.note,
    info: { device_name: d.sysinfo.hostname ?? "", username: d.deviceUsername || (d.sysinfo.username ?? ""), os: d.sysinfo.os ?? "", cpu: d.sysinfo.cpu ?? "", memory: d.sysinfo.memory ?? "", version: d.sysinfo.version ?? "" },
    last_online: iso(d.lastSeenAt),
    last_ip: d.lastIp,
    conns: d.conns,
    created_at: iso(d.createdAt)!,
    strategy_name: s?.strategy ?? null,
    strategy_state: s?.state ?? "none",
    pk: d.pk,
  };
}
