// Devices brought over from another server (rdconsole import): registered as if they had reported,
// keeping the uuid the old server saw, so trust on first use carries over instead of starting again.
import { sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { devices, type Sysinfo } from "../db/schema.ts";
import { invalid } from "../core/errors.ts";
import { checkText } from "../core/validate.ts";
import { checkDeviceId, cleanSysinfo, findDevice, type DeviceRow } from "./registry.ts";

export interface ImportedDevice {
  rdId: string;
  /** "" when the old server had none: bound at the first contact. */
  uuid: string;
  sysinfo: Sysinfo;
  ownerId?: number;
  groupId?: number;
  alias?: string;
}

/** Registers the device unless its RustDesk ID is known already (then null: an import never overwrites). */
export function importDevice(ctx: ServiceContext, input: ImportedDevice, details: Record<string, unknown> = {}): DeviceRow | null {
  const rdId = checkDeviceId(input.rdId);
  const uuid = input.uuid.length <= 200 ? input.uuid : "";
  const alias = checkText("alias", input.alias ?? "", 200);
  return withTransaction(ctx, (tx) => {
    if (findDevice(tx, rdId)) return null;
    const count = tx.db.select({ n: sql<number>`count(*)` }).from(devices).get()!.n;
    if (count >= tx.config.devices.max) throw invalid(`device limit reached (devices.max = ${tx.config.devices.max})`);
    const now = tx.now();
    const row = tx.db
      .insert(devices)
      .values({ rdId, uuid, alias, sysinfo: cleanSysinfo(input.sysinfo), ownerId: input.ownerId ?? null, groupId: input.groupId ?? null, createdAt: now, updatedAt: now })
      .returning()
      .get();
    emitAudit(tx, "device.register", { type: "device", guid: row.guid, name: row.rdId }, { hostname: input.sysinfo.hostname, os: input.sysinfo.os, ...details });
    return row;
  });
}
