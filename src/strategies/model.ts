// A strategy as every transport shows it.
import type { strategies } from "../db/schema.ts";

export type StrategyRow = typeof strategies.$inferSelect;

export interface Strategy {
  guid: string;
  name: string;
  note: string;
  enabled: boolean;
  isDefault: boolean;
  options: Record<string, string>;
  reapplyHours: number | null;
  createdAt: number;
  updatedAt: number;
}

export function toStrategy(row: StrategyRow): Strategy {
  const { id: _id, ...rest } = row;
  return rest;
}

/** Where a device's strategy comes from, strongest first (RustDesk Server Pro's order, plus a server default). */
export const LEVELS = ["device", "user", "device_group", "default"] as const;
export type Level = (typeof LEVELS)[number];
