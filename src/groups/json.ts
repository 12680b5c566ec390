// A user group in full, as `group show --json` prints it and the admin API returns it.
import type { GroupDetail } from "./show.ts";

export const groupJson = (g: GroupDetail) => ({
  guid: g.guid,
  name: g.name,
  note: g.note,
  members: g.members.map((m) => ({ name: m.name, is_admin: m.isAdmin, status: m.status })),
  can_access_groups: g.canAccess.groups,
  can_access_device_groups: g.canAccess.deviceGroups,
  accessible_by_groups: g.accessibleBy,
  accessible_by_users: g.accessibleByUsers,
  created_at: new Date(g.createdAt).toISOString(),
});
