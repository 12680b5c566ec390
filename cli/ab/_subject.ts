import type { Subject } from "../../src/addressbook/rules.ts";
import { UsageError } from "../_io.ts";

export function subjectOf(args: { user?: string; group?: string; everyone?: boolean }): Subject {
  const given = [args.user !== undefined, args.group !== undefined, Boolean(args.everyone)].filter(Boolean).length;
  if (given !== 1) throw new UsageError("name exactly one of --user U, --group G or --everyone");
  if (args.user !== undefined) return { user: args.user };
  if (args.group !== undefined) return { group: args.group };
  return { everyone: true };
}

export const LEVELS = { read: 1, rw: 2, full: 3 } as const;
export const LEVEL_NAME = { 1: "read", 2: "rw", 3: "full" } as const;

export function levelOf(value: string): 1 | 2 | 3 {
  const v = Object.hasOwn(LEVELS, value) ? LEVELS[value as keyof typeof LEVELS] : undefined;
  if (!v) throw new UsageError(`the permission is read, rw or full, not "${value}"`);
  return v;
}
