// What a device's sysinfo presets set up when it registers: its owner (preset-user-name), device
// group (preset-device-group-name) and an entry in a shared address book (preset-address-book-*).
// Each preset is audited whether or not it applied; a preset that cannot apply never blocks the registration.
import { sql } from "drizzle-orm";
import { touchBook } from "../addressbook/access.ts";
import { insertPeer } from "../addressbook/peers.ts";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { addressBooks, type Sysinfo } from "../db/schema.ts";
import { findDeviceGroup } from "../device-groups/service.ts";
import { platformOf } from "../devices/platform.ts";
import type { DeviceRow, Provisioning } from "../devices/registry.ts";
import { findStrategy } from "../strategies/service.ts";
import { findUserRow } from "../users/service.ts";

const target = (d: { guid: string; rdId: string }) => ({ type: "device", guid: d.guid, name: d.rdId });

/**
 * The presets of a device registering now: owner, device group and strategy are columns of its new
 * row (set in the INSERT, so no cached device is invalidated); the audit rows and the address-book
 * entry follow once the row exists.
 */
export function provisionDevice(ctx: ServiceContext, body: Record<string, unknown>, info: Sysinfo): Provisioning {
  const set: Provisioning["set"] = {};
  const applied: { preset: string; value: string; applied: boolean }[] = [];
  const userName = info["preset-user-name"];
  if (userName) {
    const user = findUserRow(ctx, userName);
    if (user) set.ownerId = user.id;
    applied.push({ preset: "user", value: userName, applied: Boolean(user) });
  }
  const groupName = info["preset-device-group-name"];
  if (groupName) {
    const group = findDeviceGroup(ctx, groupName);
    if (group) set.groupId = group.id;
    applied.push({ preset: "device_group", value: groupName, applied: Boolean(group) });
  }
  const strategyName = info["preset-strategy-name"];
  if (strategyName) {
    const strategy = findStrategy(ctx, strategyName);
    if (strategy) set.strategyId = strategy.id;
    applied.push({ preset: "strategy", value: strategyName, applied: Boolean(strategy) });
  }
  return {
    set,
    after(device) {
      for (const a of applied) emitAudit(ctx, "device.preset", target(device), a);
      addToPresetBook(ctx, device, body, info);
    },
  };
}

function addToPresetBook(ctx: ServiceContext, device: DeviceRow, body: Record<string, unknown>, info: Sysinfo): void {
  const bookName = info["preset-address-book-name"];
  if (bookName) {
    const book = ctx.db.select().from(addressBooks).where(sql`${addressBooks.personal} = 0 and ${addressBooks.name} = ${bookName} collate nocase`).get();
    let applied = false;
    if (book) {
      const password = typeof body["preset-address-book-password"] === "string" ? String(body["preset-address-book-password"]).slice(0, 200) : undefined;
      const tag = info["preset-address-book-tag"];
      try {
        // A savepoint: a refused peer rolls back alone (and anything it published with it).
        withTransaction(ctx, (tx) => {
          insertPeer(tx, book, {
            id: device.rdId,
            alias: info["preset-address-book-alias"],
            note: info["preset-address-book-note"],
            password,
            tags: tag ? [tag] : [],
            username: info.username,
            hostname: info.hostname,
            platform: platformOf(info.os),
          });
        });
        touchBook(ctx, book);
        applied = true;
      } catch {
        // already in the book, or the book is full: the registration itself goes on
      }
    }
    emitAudit(ctx, "device.preset", target(device), { preset: "address_book", value: bookName, applied });
  }
}
