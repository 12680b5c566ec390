// Guards that keep an installation manageable, applied by the service verbs so every transport
// (CLI, SSO, a later admin API) gets them: the last enabled administrator stays one, and a login
// that needs an e-mailed code is only asked for when a code can be sent.
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { users, UserStatus } from "../db/schema.ts";
import { ServiceError } from "../core/errors.ts";

type Row = { id: number; name: string; isAdmin: boolean; status: number };

/** Enabled administrators other than `exceptId`. */
function otherActiveAdmins(ctx: ServiceContext, exceptId: number): number {
  return ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(sql`${users.isAdmin} = 1 and ${users.status} = ${UserStatus.normal} and ${users.id} <> ${exceptId}`)
    .get()!.n;
}

/** True when `row` is the only enabled administrator. Call inside the transaction that changes it. */
export function isLastActiveAdmin(ctx: ServiceContext, row: Row): boolean {
  return row.isAdmin && row.status === UserStatus.normal && otherActiveAdmins(ctx, row.id) === 0;
}

/** `change`: what would happen to the user, e.g. "disabled", "deleted", "made a non-administrator". */
export function refuseLastAdmin(ctx: ServiceContext, row: Row, change: string): void {
  if (isLastActiveAdmin(ctx, row))
    throw new ServiceError("CONFLICT", `${row.name} is the last enabled administrator and cannot be ${change}; make another user an administrator first (rdconsole user set <name> --admin on)`);
}

/** E-mail verification at every login needs an address to send the code to and [smtp] to send it. */
export function refuseEmailVerification(ctx: ServiceContext, row: { name: string; email: string }): void {
  if (!row.email) throw new ServiceError("INVALID_INPUT", `${row.name} has no e-mail address to send login codes to; set one first (--email)`);
  if (!ctx.config.smtp.host) throw new ServiceError("INVALID_INPUT", "e-mail verification needs e-mail sending, and [smtp] is not configured (set smtp.host and smtp.from)");
}
