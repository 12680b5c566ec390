// Who a strategy is assigned to directly (not who it reaches through precedence: see rollout.ts).
import { asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { deviceGroups, devices, users } from "../db/schema.ts";

export interface DirectAssignments {
  devices: string[];
  users: string[];
  deviceGroups: string[];
}

export function directAssignments(ctx: ServiceContext, strategyId: number): DirectAssignments {
  return {
    devices: ctx.db.select({ n: devices.rdId }).from(devices).where(eq(devices.strategyId, strategyId)).orderBy(asc(devices.rdId)).all().map((r) => r.n),
    users: ctx.db.select({ n: users.name }).from(users).where(eq(users.strategyId, strategyId)).orderBy(asc(users.name)).all().map((r) => r.n),
    deviceGroups: ctx.db.select({ n: deviceGroups.name }).from(deviceGroups).where(eq(deviceGroups.strategyId, strategyId)).orderBy(asc(deviceGroups.name)).all().map((r) => r.n),
  };
}
