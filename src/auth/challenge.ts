// Pending second steps. The client gets `secret` (echoed in its code step); the server keeps only
// its hash, bound to the user and the device (id + uuid), single-use, expiring in minutes.
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { ServiceContext } from "../core/context.ts";
import { newSecret, sha256 } from "../crypto/tokens.ts";
import { loginChallenges } from "../db/schema.ts";
import type { Device } from "./sessions.ts";

const PER_USER = 5;
const MINUTE = 60_000;

export type Challenge = typeof loginChallenges.$inferSelect;

/** Call inside a transaction. Returns the secret for the client. */
export function createChallenge(ctx: ServiceContext, userId: number, kind: "totp" | "email", device: Device, code: string | null): string {
  const now = ctx.now();
  const secret = newSecret();
  ctx.db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now)).run();
  ctx.db
    .insert(loginChallenges)
    .values({
      secretHash: sha256(secret),
      userId,
      kind,
      sessionKind: device.kind ?? "client",
      deviceId: device.id,
      deviceUuid: device.uuid,
      deviceInfo: device.info,
      codeHash: code === null ? null : sha256(code),
      createdAt: now,
      expiresAt: now + ctx.config.auth.email_code_minutes * MINUTE,
    })
    .run();
  // A correct password is needed to get here, but still: a bounded number of pending steps per user.
  const pending = ctx.db.select({ id: loginChallenges.id }).from(loginChallenges).where(eq(loginChallenges.userId, userId)).orderBy(asc(loginChallenges.id)).all();
  if (pending.length > PER_USER) ctx.db.delete(loginChallenges).where(inArray(loginChallenges.id, pending.slice(0, pending.length - PER_USER).map((p) => p.id))).run();
  return secret;
}

/** The live challenge for this secret and device, or undefined (unknown, expired, or another device). */
export function findChallenge(ctx: ServiceContext, secret: string, device: Device): Challenge | undefined {
  const row = ctx.db.select().from(loginChallenges).where(eq(loginChallenges.secretHash, sha256(secret))).get();
  if (!row || row.expiresAt <= ctx.now() || row.deviceId !== device.id || row.deviceUuid !== device.uuid || row.sessionKind !== (device.kind ?? "client")) return undefined;
  return row;
}

export function dropChallenge(ctx: ServiceContext, id: number): void {
  ctx.db.delete(loginChallenges).where(eq(loginChallenges.id, id)).run();
}

/** Counts a wrong code; the challenge is void after auth.code_attempts of them. */
export function countWrongCode(ctx: ServiceContext, row: Challenge): void {
  if (row.attempts + 1 >= ctx.config.auth.code_attempts) dropChallenge(ctx, row.id);
  else ctx.db.update(loginChallenges).set({ attempts: row.attempts + 1 }).where(and(eq(loginChallenges.id, row.id))).run();
}
