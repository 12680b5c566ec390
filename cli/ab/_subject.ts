import { permissionOf, type Subject } from "../../src/addressbook/rules.ts";
import { UsageError } from "../_io.ts";

export function subjectOf(args: { user?: string; group?: string; everyone?: boolean }): Subject {
  const given = [args.user !== undefined, args.group !== undefined, Boolean(args.everyone)].filter(Boolean).length;
  if (given !== 1) throw new UsageError("name exactly one of --user U, --group G or --everyone");
  if (args.user !== undefined) return { user: args.user };
  if (args.group !== undefined) return { group: args.group };
  return { everyone: true };
}

/** A bad permission word is a usage error (exit 2), with the service's message. */
export function levelOf(value: string): 1 | 2 | 3 {
  try {
    return permissionOf(value);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
