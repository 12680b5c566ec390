// Which strategy applies to a device: the first enabled one of device > owner > device group >
// the server's default. A disabled strategy manages nothing, so its devices fall through. Pure: the
// heartbeat's in-memory index and the explain/status verbs share it.
import { LEVELS, type Level } from "./model.ts";

export interface Candidate<S> {
  level: Level;
  strategy: S;
}

export interface Resolution<S> {
  /** The one that applies, or null. */
  applied: Candidate<S> | null;
  /** Assigned at some level but not applied: shadowed by a stronger one, or disabled. */
  shadowed: (Candidate<S> & { reason: "disabled" | "shadowed" })[];
}

/** `assigned`: the strategy at each level (device, user, device_group, default), or undefined. */
export function resolveStrategy<S extends { enabled: boolean }>(assigned: Record<Level, S | undefined>): Resolution<S> {
  let applied: Candidate<S> | null = null;
  const shadowed: Resolution<S>["shadowed"] = [];
  for (const level of LEVELS) {
    const strategy = assigned[level];
    if (!strategy) continue;
    if (!strategy.enabled) shadowed.push({ level, strategy, reason: "disabled" });
    else if (applied) shadowed.push({ level, strategy, reason: "shadowed" });
    else applied = { level, strategy };
  }
  return { applied, shadowed };
}
