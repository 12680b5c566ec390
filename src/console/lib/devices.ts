// The device shape of GET /api/admin/devices and the calls the device pages make.
import { del, get, patch, post } from "./api.ts";

export type Device = {
  guid: string;
  id: string;
  status: number;
  pending_approval: boolean;
  is_online: boolean;
  user_name: string;
  device_group_name: string;
  alias: string;
  note: string;
  info: { device_name: string; username: string; os: string; cpu: string; memory: string; version: string };
  last_online: string | null;
  last_ip: string | null;
  conns: number[];
  created_at: string;
  strategy_name: string | null;
  strategy_state: string;
};
export type DevicePage = { total: number; data: Device[] };
export type Named = { name: string };

const at = (id: string) => `/api/admin/devices/${encodeURIComponent(id)}`;
export const getDevices = (query: string) => get<DevicePage>(`/api/admin/devices${query}`);
export const getDevice = (id: string) => get<Device>(at(id));
export const setDevice = (id: string, change: Partial<{ owner: string; group: string; note: string; alias: string }>) => patch<Device>(at(id), change);
export const deviceVerb = (id: string, verb: "enable" | "disable" | "approve" | "rekey") => post<Device>(`${at(id)}/${verb}`);
export const deleteDevice = (id: string) => del<Device>(at(id));
export const disconnect = (id: string, conn?: number) => post<unknown>(`${at(id)}/disconnect`, conn === undefined ? { all: true } : { conn });
export const getDeviceGroups = () => get<{ data: Named[] }>("/api/admin/device-groups");
export const getStrategies = () => get<{ data: Named[] }>("/api/admin/strategies");
/** Owners to pick from: the first 1,000 users (the API's largest page). */
export const getUserNames = () => get<{ data: Named[] }>("/api/admin/users?page_size=1000");
export const assignStrategy = (strategy: string, devices: string[]) => post<unknown>(`/api/admin/strategies/${encodeURIComponent(strategy)}/assign`, { devices });

/** One call per device, in order; the first refusal stops the run and is shown as the API worded it. */
export async function eachDevice(ids: string[], act: (id: string) => Promise<unknown>): Promise<void> {
  for (const id of ids) await act(id);
}
