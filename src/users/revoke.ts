// Ending every session of a user (disable, delete, password change, 2FA reset): a users verb,
// so that auth, which reads sessions, depends on users and never the other way round.
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { loginChallenges, sessions } from "../db/schema.ts";

export function revokeUserSessions(ctx: ServiceContext, userId: number): number {
  ctx.db.delete(loginChallenges).where(eq(loginChallenges.userId, userId)).run();
  return ctx.db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }).all().length;
}
