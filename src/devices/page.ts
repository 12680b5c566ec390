// One page of the device list for the admin API and the web console: filtered, sorted and counted in SQL, so a
// page of a 100,000-device fleet costs one indexed count and one LIMIT query. The LIMIT query picks the page's
// row ids first (narrow rows: a deep page or a sort by last seen skips or sorts ids, not whole devices), then
// reads those devices in full.
import { and, asc, desc, inArray, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { devicePresence, devices } from "../db/schema.ts";
import { deviceConditions, deviceQuery, groupName, onlineCutoff, ownerName, toDeviceView, type DeviceFilter, type DeviceView } from "./service.ts";

export const DEVICE_SORTS = {
  id: devices.rdId,
  alias: devices.alias,
  owner: ownerName,
  group: groupName,
  last_online: devicePresence.lastSeenAt,
  created: devices.createdAt,
} as const;
export type DeviceSort = keyof typeof DEVICE_SORTS;

export interface DevicePage {
  offset: number;
  limit: number;
  sort?: DeviceSort;
  desc?: boolean;
}

export function pageDevices(ctx: ServiceContext, f: DeviceFilter, page: DevicePage): { total: number; rows: DeviceView[] } {
  const where = deviceConditions(ctx, f);
  // Presence is joined only where a filter or the sort reads it: SQLite keeps the join even when nothing does,
  // and 100,000 lookups made the unfiltered count ≈ 70 ms instead of ≈ 1. Where it is joined, CROSS JOIN makes
  // the narrow presence table (a row per device: trigger, migration 0006) the outer loop: an online count
  // ≈ 60 → 16 ms, a sort by last seen ≈ 50 → 20 ms.
  const presence = f.online || f.offlineDays !== undefined;
  const link = and(sql`${devices.id} = ${devicePresence.deviceId}`, where);
  const n = { n: sql<number>`count(*)` };
  const total = (presence ? ctx.db.select(n).from(devicePresence).crossJoin(devices).where(link) : ctx.db.select(n).from(devices).where(where)).get()!.n;
  const column = DEVICE_SORTS[page.sort ?? "id"];
  const order = page.desc ? desc(column) : asc(column);
  const onlineSince = onlineCutoff(ctx);
  const id = { id: devices.id };
  const ids = (
    presence || page.sort === "last_online" ? ctx.db.select(id).from(devicePresence).crossJoin(devices).where(link).$dynamic() : ctx.db.select(id).from(devices).where(where).$dynamic()
  )
    .orderBy(order, asc(devices.id))
    .limit(page.limit)
    .offset(page.offset);
  const rows = deviceQuery(ctx)
    .where(inArray(devices.id, ids))
    .orderBy(order, asc(devices.id))
    .all()
    .map((r) => toDeviceView(r, onlineSince));
  return { total, rows };
}
