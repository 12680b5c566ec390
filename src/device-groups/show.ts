// One device group in full, for `device-group show`: its devices and the user groups whose
// members may see them (group set --can-access-device-group).
import { asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { devices, users } from "../db/schema.ts";
import { groupsWithAccessTo } from "../groups/show.ts";
import { usersWithAccessTo } from "../groups/user-access.ts";
import { requireDeviceGroup } from "./service.ts";

export interface DeviceGroupDetail {
  guid: string;
  name: string;
  note: string;
  devices: { id: string; hostname: string; alias: string; owner: string | null; enabled: boolean }[];
  accessibleBy: string[];
  /** Single users who may see these devices (Pro's type-2 rules). */
  accessibleByUsers: string[];
  createdAt: number;
}

export function showDeviceGroup(ctx: ServiceContext, name: string): DeviceGroupDetail {
  const g = requireDeviceGroup(ctx, name);
  const rows = ctx.db
    .select({ id: devices.rdId, sysinfo: devices.sysinfo, alias: devices.alias, owner: users.name, enabled: devices.enabled })
    .from(devices)
    .leftJoin(users, eq(users.id, devices.ownerId))
    .where(eq(devices.groupId, g.id))
    .orderBy(asc(devices.rdId))
    .all();
  return {
    guid: g.guid,
    name: g.name,
    note: g.note,
    devices: rows.map((r) => ({ id: r.id, hostname: r.sysinfo.hostname ?? "", alias: r.alias, owner: r.owner, enabled: r.enabled })),
    accessibleBy: groupsWithAccessTo(ctx, { deviceGroupId: g.id }),
    accessibleByUsers: usersWithAccessTo(ctx, { deviceGroupId: g.id }),
    createdAt: g.createdAt,
  };
}
