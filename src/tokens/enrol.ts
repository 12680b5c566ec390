// Counting an enrolment key's uses: one UPDATE … WHERE uses < max_uses RETURNING, so SQLite's write lock makes
// the check and the count one step — the 51st use of a 50-use key is refused however many enrol at once.
import { eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { apiTokens } from "../db/schema.ts";
import { isoTime, kindLabel, type TokenRow } from "./model.ts";

export type EnrolRefusal = "revoked" | "expired" | "used_up";

/** A use refused, with which of the three it was. */
export class EnrolRefused extends ServiceError {
  constructor(
    readonly reason: EnrolRefusal,
    message: string,
  ) {
    super(reason === "used_up" ? "FORBIDDEN" : "UNAUTHORIZED", message);
  }
}

/**
 * Counts one use of `token` (an enrolment key, or an API token with the enrol scope: unlimited unless it has a
 * limit). Run it inside the enrolment's transaction, so a failed enrolment gives its use back.
 */
export function consumeEnrolUse(ctx: ServiceContext, token: Pick<TokenRow, "id">): { uses: number; maxUses: number | null } {
  const now = ctx.now();
  const counted = ctx.db
    .update(apiTokens)
    .set({ uses: sql`${apiTokens.uses} + 1` })
    .where(
      sql`${apiTokens.id} = ${token.id} and ${apiTokens.revokedAt} is null and (${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > ${now}) and (${apiTokens.maxUses} is null or ${apiTokens.uses} < ${apiTokens.maxUses})`,
    )
    .returning({ uses: apiTokens.uses, maxUses: apiTokens.maxUses })
    .get();
  if (counted) return counted;
  const row = ctx.db.select().from(apiTokens).where(eq(apiTokens.id, token.id)).get();
  if (!row) throw new ServiceError("UNAUTHORIZED", "invalid API token");
  const label = `${kindLabel(row)} "${row.name}"`;
  if (row.revokedAt !== null) throw new EnrolRefused("revoked", `${label} was revoked`);
  if (row.expiresAt !== null && row.expiresAt <= now) throw new EnrolRefused("expired", `${label} expired at ${isoTime(row.expiresAt)}`);
  throw new EnrolRefused("used_up", `${label} is used up (${row.uses} of ${row.maxUses} enrolments)`);
}
