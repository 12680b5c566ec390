// Address-book peers that are devices registered here. The pull marks them `same_server: true`
// with the server's username, hostname and platform, which the client then stops overwriting from
// its recent sessions: client: flutter/lib/models/ab_model.dart:1692-1708 (rustdesk@7423dced).
// Only for enabled devices the user may see in the group view: an ID typed into an address book
// must not reveal the name and login of any machine on the server.
import { and, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { devices } from "../db/schema.ts";
import { platformOf } from "../devices/platform.ts";
import { scopeOf, visibleDevices } from "../devices/visibility.ts";

export interface RegisteredInfo {
  same_server: true;
  username?: string;
  hostname?: string;
  platform?: string;
}

export function registeredPeers(ctx: ServiceContext, peerIds: readonly string[]): Map<string, RegisteredInfo> {
  const found = new Map<string, RegisteredInfo>();
  if (!peerIds.length) return found;
  const rows = ctx.db
    .select({ rdId: devices.rdId, sysinfo: devices.sysinfo })
    .from(devices)
    .where(and(inArray(devices.rdId, [...peerIds]), eq(devices.enabled, true), eq(devices.pending, false), visibleDevices(scopeOf(ctx))))
    .all();
  for (const { rdId, sysinfo } of rows) {
    const info: RegisteredInfo = { same_server: true };
    if (sysinfo.username) info.username = sysinfo.username;
    if (sysinfo.hostname) info.hostname = sysinfo.hostname;
    const platform = platformOf(sysinfo.os);
    if (platform) info.platform = platform;
    found.set(rdId, info);
  }
  return found;
}
