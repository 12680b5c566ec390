// The user and group shapes of /api/admin/users, /api/admin/groups and /api/admin/device-groups, and the calls
// the Users and Groups pages make.
import { del, get, patch, post } from "./api.ts";

export type User = {
  guid: string;
  name: string;
  display_name: string;
  email: string;
  note: string;
  is_admin: boolean;
  status: number;
  tfa: "off" | "pending" | "on";
  tfa_enforced: boolean;
  email_verification: boolean;
  has_password: boolean;
  locked: boolean;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  group_name: string | null;
};
export type Session = { guid: string; kind: "client" | "console"; device_id: string; device_info: { os: string; type: string; name: string }; ip: string | null; created_at: string; last_used_at: string; expires_at: string };
export type SsoLink = { guid: string; provider: string; issuer: string; subject: string; email: string; created_at: string; last_login_at: string | null };
export type GroupRow = { guid: string; name: string; note: string; user_count: number; created_at: string };
export type Group = {
  guid: string;
  name: string;
  note: string;
  members: { name: string; is_admin: boolean; status: number }[];
  can_access_groups: string[];
  can_access_device_groups: string[];
  accessible_by_groups: string[];
  accessible_by_users: string[];
  created_at: string;
};
export type DeviceGroupRow = { guid: string; name: string; note: string; device_count: number; created_at: string };
export type DeviceGroup = { guid: string; name: string; note: string; devices: { id: string }[]; accessible_by_groups: string[]; accessible_by_users: string[]; created_at: string };
type List<T> = { total: number; data: T[] };

const at = (name: string) => `/api/admin/users/${encodeURIComponent(name)}`;
export const getUsers = (query: string) => get<List<User>>(`/api/admin/users${query}`);
export const getUser = (name: string) => get<User>(at(name));
export const createUser = (body: { name: string; email?: string; display_name?: string; password?: string; is_admin?: boolean }) => post<User>("/api/admin/users", body);
/** Pro's invitation route: the admin cookie reaches it like a users:rw token; it needs [smtp]. */
export const inviteUser = (body: { name: string; email: string; group_name?: string }) => post<null>("/api/users/invite", body);
export const setUser = (name: string, change: Partial<{ email: string; display_name: string; note: string; is_admin: boolean }>) => patch<User>(at(name), change);
export const userVerb = (name: string, verb: "disable" | "enable" | "unlock" | "logout-all" | "2fa/reset") => post<unknown>(`${at(name)}/${verb}`);
export const setPassword = (name: string, password: string) => post<User>(`${at(name)}/password`, { password });
export const deleteUser = (name: string) => del<unknown>(at(name));
export const getSessions = (name: string) => get<List<Session>>(`${at(name)}/sessions`);
export const revokeSession = (guid: string) => del<unknown>(`/api/admin/sessions/${encodeURIComponent(guid)}`);
export const getSsoLinks = (name: string) => get<List<SsoLink>>(`${at(name)}/sso-links`);
export const unlinkSso = (name: string, link: string) => del<unknown>(`${at(name)}/sso-links/${encodeURIComponent(link)}`);

const group = (name: string) => `/api/admin/groups/${encodeURIComponent(name)}`;
export const getGroups = () => get<List<GroupRow>>("/api/admin/groups");
export const getGroup = (name: string) => get<Group>(group(name));
export const createGroup = (body: { name: string; note?: string }) => post<Group>("/api/admin/groups", body);
export const setGroup = (name: string, change: Partial<{ note: string; can_access_groups: string[]; can_access_device_groups: string[]; accessible_by_users: string[] }>) => patch<Group>(group(name), change);
export const deleteGroup = (name: string) => del<unknown>(group(name));
export const addMember = (name: string, user: string) => post<Group>(`${group(name)}/users/${encodeURIComponent(user)}`);
export const removeMember = (name: string, user: string) => del<Group>(`${group(name)}/users/${encodeURIComponent(user)}`);

const dgroup = (name: string) => `/api/admin/device-groups/${encodeURIComponent(name)}`;
export const getDeviceGroupRows = () => get<List<DeviceGroupRow>>("/api/admin/device-groups");
export const getDeviceGroup = (name: string) => get<DeviceGroup>(dgroup(name));
export const createDeviceGroup = (body: { name: string; note?: string }) => post<DeviceGroup>("/api/admin/device-groups", body);
export const setDeviceGroup = (name: string, change: Partial<{ name: string; note: string; accessible_by_users: string[] }>) => patch<DeviceGroup>(dgroup(name), change);
export const deleteDeviceGroup = (name: string) => del<unknown>(dgroup(name));
/** Every user name, for the access-list pickers (pages of 1000). */
export async function allUserNames(): Promise<string[]> {
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const r = await getUsers(`?page=${page}&page_size=1000`);
    names.push(...r.data.map((u) => u.name));
    if (names.length >= r.total || r.data.length === 0) return names;
  }
}
