// POST /api/devices/cli as a service: one `rustdesk --assign` enrols a device with what its command line and its
// key's presets ask for — owner, device group, strategy, an entry in a shared address book, note, name — in one
// transaction with the key's use, a console-audit row naming the key and a token_enrolments row. The device may
// not have sent its sysinfo yet (--assign runs right after install): the key registers it (id + uuid, trusted
// because the key is) and approves it, whatever devices.registration says.
import { sql } from "drizzle-orm";
import { touchBook } from "../addressbook/access.ts";
import { applyPeerUpdate, findPeer, insertPeer } from "../addressbook/peers.ts";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { conflict, invalid, ServiceError } from "../core/errors.ts";
import { addressBooks, devices, tokenEnrolments } from "../db/schema.ts";
import { findDeviceGroup } from "../device-groups/service.ts";
import { platformOf } from "../devices/platform.ts";
import { findDevice, type DeviceRow } from "../devices/registry.ts";
import { findStrategy } from "../strategies/service.ts";
import { consumeEnrolUse } from "../tokens/enrol.ts";
import { resolveName } from "../tokens/presets.ts";
import { findUserRow } from "../users/service.ts";
import { UserStatus } from "../db/schema.ts";
import { checkEnrolBody, mergePresets, shownSet, type Asked } from "./enrol-input.ts";
import type { EnrolKey } from "./enrol-key.ts";

export interface Enrolled {
  device: string;
  created: boolean;
  set: Asked;
}

/** The ID is registered to another machine (by rustdesk --deploy answers ID_TAKEN). */
export class IdTaken extends ServiceError {
  constructor(id: string) {
    super("CONFLICT", `device ${id} is registered to another machine (its uuid differs); if this machine replaced it, run "rdconsole device rekey ${id}" and enrol again`);
  }
}

const target = (d: Pick<DeviceRow, "guid" | "rdId">) => ({ type: "device", guid: d.guid, name: d.rdId });

/** Resolves every name before anything changes: one unknown name changes nothing. */
function resolve(ctx: ServiceContext, set: Asked) {
  const name = (key: "user" | "device_group" | "strategy" | "address_book", v: string | undefined) => (v === undefined ? undefined : resolveName(ctx, key, v));
  const userName = name("user", set.user_name);
  const user = userName === undefined ? undefined : findUserRow(ctx, userName)!;
  if (user && user.status !== UserStatus.normal) throw invalid(`user "${user.name}" is disabled: enable it (rdconsole user enable ${user.name}) or name another owner`);
  const groupName = name("device_group", set.device_group_name);
  const strategyName = name("strategy", set.strategy_name);
  const bookName = name("address_book", set.address_book_name);
  return {
    user,
    group: groupName === undefined ? undefined : findDeviceGroup(ctx, groupName)!,
    strategy: strategyName === undefined ? undefined : findStrategy(ctx, strategyName)!,
    book:
      bookName === undefined
        ? undefined
        : ctx.db.select().from(addressBooks).where(sql`${addressBooks.personal} = 0 and ${addressBooks.name} = ${bookName} collate nocase`).get()!,
  };
}

/** The device under `id`, registered now when new; refused when the ID belongs to another machine. */
export function enrolledDevice(ctx: ServiceContext, id: string, uuid: string): { device: DeviceRow; created: boolean } {
  const now = ctx.now();
  const existing = findDevice(ctx, id);
  if (existing) {
    if (existing.uuid !== "" && existing.uuid !== uuid) throw new IdTaken(id);
    return { device: existing, created: false };
  }
  const max = ctx.config.devices.max;
  if (ctx.db.select({ n: sql<number>`count(*)` }).from(devices).get()!.n >= max) throw conflict(`device limit reached (devices.max = ${max}): delete or prune devices, or raise the limit`);
  const device = ctx.db.insert(devices).values({ rdId: id, uuid, enabled: true, pending: false, createdAt: now, updatedAt: now }).returning().get();
  return { device, created: true };
}

export function enrolDevice(ctx: ServiceContext, key: EnrolKey, body: unknown): Enrolled {
  const { id, uuid, asked } = checkEnrolBody(body);
  const set = mergePresets(key.token, asked);
  return withTransaction({ ...ctx, actor: key.actor }, (tx) => {
    // First: a used-up key says so whatever else is wrong; a failure below gives the use back (rollback).
    const use = consumeEnrolUse(tx, key.token);
    const r = resolve(tx, set);
    const { device, created } = enrolledDevice(tx, id, uuid);
    const now = tx.now();
    tx.db
      .update(devices)
      .set({
        uuid,
        // Approved by the key; a device an admin disabled (not pending) stays disabled.
        ...(created || device.pending ? { enabled: true, pending: false } : {}),
        ...(r.user ? { ownerId: r.user.id } : {}),
        ...(r.group ? { groupId: r.group.id } : {}),
        ...(r.strategy ? { strategyId: r.strategy.id } : {}),
        ...(set.note !== undefined ? { note: set.note } : {}),
        ...(set.device_name !== undefined ? { alias: set.device_name } : {}),
        ...(set.device_username !== undefined ? { deviceUsername: set.device_username } : {}),
        updatedAt: now,
      })
      .where(sql`${devices.id} = ${device.id}`)
      .run();
    if (r.book) addToBook(tx, r.book, device, set);
    const shown = shownSet({
      ...set,
      ...(r.user ? { user_name: r.user.name } : {}),
      ...(r.group ? { device_group_name: r.group.name } : {}),
      ...(r.strategy ? { strategy_name: r.strategy.name } : {}),
      ...(r.book ? { address_book_name: r.book.name } : {}),
    });
    tx.db.insert(tokenEnrolments).values({ tokenId: key.token.id, deviceId: device.id, rdId: id, kind: "assign", at: now, ip: tx.ip ?? null, set: shown }).run();
    emitAudit(tx, "device.enrol", target(device), {
      key: key.token.name,
      key_prefix: key.token.prefix,
      registered: created,
      set: shown,
      uses: use.maxUses === null ? `${use.uses}` : `${use.uses}/${use.maxUses}`,
    });
    return { device: id, created, set: shown };
  });
}

/** Adds the device to the shared book, or updates its entry there (a device enrolled twice is one entry). */
export function addToBook(ctx: ServiceContext, book: NonNullable<ReturnType<typeof resolve>["book"]>, device: DeviceRow, set: Asked): void {
  const tag = set.address_book_tag;
  const details = { alias: set.address_book_alias, note: set.address_book_note, password: set.address_book_password };
  const given = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
  const row = findPeer(ctx, book, device.rdId);
  if (row) applyPeerUpdate(ctx, book, row, { id: device.rdId, ...given, ...(tag && !row.tags.includes(tag) ? { tags: [...row.tags, tag] } : {}) });
  else {
    const info = device.sysinfo;
    insertPeer(ctx, book, { id: device.rdId, ...given, tags: tag ? [tag] : [], username: info.username, hostname: info.hostname, platform: platformOf(info.os) });
  }
  touchBook(ctx, book);
}
