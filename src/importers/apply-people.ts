// Users, user groups, device groups and devices of a snapshot, written through their features' services.
// Everything is matched by name (devices by RustDesk ID): what exists is kept as it is, never overwritten.
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { checkEmail, checkName } from "../core/validate.ts";
import { createDeviceGroup, findDeviceGroup } from "../device-groups/service.ts";
import { importDevice } from "../devices/imported.ts";
import { addUserToGroup, createGroup, findGroup } from "../groups/service.ts";
import { hashKind } from "../users/password.ts";
import { disableUser, findUserRow, insertUser } from "../users/service.ts";
import { count, created, note, skip, type ImportReport } from "./report.ts";
import type { Snapshot, SourceUser } from "./source.ts";

/** Source key → what it became here. */
export interface Mapping {
  users: Map<string, { id: number; name: string }>;
  groups: Map<string, { id: number; name: string }>;
  deviceGroups: Map<string, { id: number; name: string }>;
}

/** Service refusals become skip reasons; anything else is a bug and ends the import. */
export function reasonOf(e: unknown): string {
  if (e instanceof ServiceError) return e.message;
  throw e;
}

export function applyGroups(ctx: ServiceContext, snap: Snapshot, r: ImportReport, m: Mapping): void {
  for (const g of snap.groups) {
    const found = findGroup(ctx, g.name.trim());
    if (found) {
      m.groups.set(g.key, found);
      count(r, "group", "existing");
      continue;
    }
    try {
      const row = createGroup(ctx, { name: g.name });
      m.groups.set(g.key, row);
      created(r, "group", row.name);
    } catch (e) {
      skip(r, "group", g.name, reasonOf(e));
    }
  }
  for (const g of snap.deviceGroups) {
    const found = findDeviceGroup(ctx, g.name.trim());
    if (found) {
      m.deviceGroups.set(g.key, found);
      count(r, "device_group", "existing");
      continue;
    }
    try {
      const row = createDeviceGroup(ctx, { name: g.name });
      m.deviceGroups.set(g.key, row);
      created(r, "device_group", row.name);
    } catch (e) {
      skip(r, "device_group", g.name, reasonOf(e));
    }
  }
}

function whyUnusable(hash: string): string {
  if (!hash) return "none set";
  if (hash.startsWith("!")) return "no usable password in the source"; // Django's set_unusable_password()
  const tag = hash.split("$").find(Boolean) ?? "";
  // Only a scheme's name is shown: an unknown format might be a bare digest or worse, a plain password.
  return /^[a-z][a-z0-9_-]{1,30}$/i.test(tag) && hash.includes("$") ? `unsupported hash scheme "${tag}"` : "unsupported hash format";
}

function createUser(ctx: ServiceContext, u: SourceUser, r: ImportReport): { id: number; name: string } {
  const name = checkName(u.name);
  const usable = hashKind(u.passwordHash) !== null;
  if (!usable) note(r, "user", name, `password not imported (${whyUnusable(u.passwordHash)}): set one with rdconsole user passwd`);
  let email = "";
  try {
    email = checkEmail(u.email);
  } catch {
    note(r, "user", name, `e-mail address "${u.email.slice(0, 80)}" dropped: not valid`);
  }
  const fields = { name, email, displayName: u.displayName.slice(0, 128), note: "", passwordHash: usable ? u.passwordHash : null, isAdmin: u.isAdmin };
  const details = { imported_from: r.server };
  try {
    return withTransaction(ctx, (tx) => insertUser(tx, fields, details));
  } catch (e) {
    if (!email || !(e instanceof ServiceError) || !e.message.includes("e-mail")) throw e;
    note(r, "user", name, `e-mail address ${email} dropped: another user has it`);
    return withTransaction(ctx, (tx) => insertUser(tx, { ...fields, email: "" }, details));
  }
}

export function applyUsers(ctx: ServiceContext, snap: Snapshot, r: ImportReport, m: Mapping): void {
  for (const u of snap.users) {
    const found = findUserRow(ctx, u.name);
    if (found) {
      m.users.set(u.key, found);
      count(r, "user", "existing");
      continue;
    }
    let row: { id: number; name: string };
    try {
      row = createUser(ctx, u, r);
    } catch (e) {
      skip(r, "user", u.name, reasonOf(e));
      continue;
    }
    m.users.set(u.key, row);
    created(r, "user", row.name);
    if (u.disabled)
      try {
        disableUser(ctx, row.name);
      } catch (e) {
        note(r, "user", row.name, `left enabled: ${reasonOf(e)}`);
      }
    const group = u.group === undefined ? undefined : m.groups.get(u.group);
    if (group) addUserToGroup(ctx, group.name, row.name);
    else if (u.group !== undefined) note(r, "user", row.name, `group id ${u.group} not imported: left in the Default group`);
  }
}

export function applyDevices(ctx: ServiceContext, snap: Snapshot, r: ImportReport, m: Mapping): void {
  for (const d of snap.devices) {
    const owner = d.owner === undefined ? undefined : m.users.get(d.owner);
    const group = d.group === undefined ? undefined : m.deviceGroups.get(d.group);
    try {
      const row = importDevice(ctx, { rdId: d.rdId, uuid: d.uuid, sysinfo: d.sysinfo, ownerId: owner?.id, groupId: group?.id, alias: d.alias }, { imported_from: r.server });
      if (!row) {
        count(r, "device", "existing");
        continue;
      }
      created(r, "device", row.rdId);
      if (d.owner !== undefined && !owner) note(r, "device", d.rdId, `owner (user id ${d.owner}) not imported: left without owner`);
      if (d.group !== undefined && !group) note(r, "device", d.rdId, `device group id ${d.group} not imported: left without group`);
    } catch (e) {
      skip(r, "device", d.rdId, reasonOf(e));
    }
  }
}
