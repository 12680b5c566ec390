// POST /api/login as a service: the password step, then (if the account needs one) a second step
// by TOTP or e-mailed code, then a session. Shapes on the wire are the routes' business.
import { eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { numericCode, sameHash, sha256 } from "../crypto/tokens.ts";
import { userDevices, users, UserStatus } from "../db/schema.ts";
import { ServiceError } from "../core/errors.ts";
import { toUser, type User, type UserRow } from "../users/model.ts";
import { hashPassword, needsRehash, verifyPassword } from "../users/password.ts";
import { countWrongCode, createChallenge, dropChallenge, findChallenge } from "./challenge.ts";
import { guardLockout, recordFailure } from "./guard.ts";
import { keys as lockoutKeys } from "./lockout.ts";
import type { AuthRuntime } from "./runtime.ts";
import { createSession, type Device } from "./sessions.ts";
import { checkSecondFactor, totpStatus } from "./totp.ts";

export type LoginOutcome =
  | { kind: "token"; token: string; user: User }
  | { kind: "challenge"; method: "totp" | "email"; secret: string; user: User };

export const WRONG_CREDENTIALS = "Wrong username or password";
export const WRONG_CODE = "Wrong verification code";
export const STALE_CHALLENGE = "This verification is no longer valid; please log in again";

// Verified when the user does not exist, so both cases cost one argon2id verification.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(crypto.randomUUID()));

function findByLogin(ctx: ServiceContext, login: string): UserRow | undefined {
  return ctx.db
    .select()
    .from(users)
    .where(sql`${users.name} = ${login} collate nocase or (${users.email} <> '' and ${users.email} = ${login} collate nocase)`)
    .orderBy(sql`${users.name} = ${login} collate nocase desc`)
    .get();
}

function refuseInactive(row: UserRow) {
  if (row.status === UserStatus.disabled) throw new ServiceError("FORBIDDEN", "This account is disabled");
  if (row.status === UserStatus.unverified) throw new ServiceError("FORBIDDEN", "This account is not activated yet");
}

/**
 * An administrator required TOTP (Pro's PUT /api/users/tfa/totp/enforce) and the user has none yet: no
 * session until it is set up. The client shows the `error` of any non-200 reply as it is, so the
 * message says where: client: flutter/lib/models/user_model.dart:209-213 (rustdesk@7423dced).
 */
function refuseMissingTotp(row: UserRow, totp: "off" | "pending" | "on", device: Device) {
  // A browser signs in to a session that reaches only the profile and TOTP enrolment (auth/console.ts).
  if (!row.totpEnforced || totp === "on" || device.kind === "console") return;
  const where = row.totpEnforceUrl ? `set it up at ${row.totpEnforceUrl}, then log in again` : "ask your administrator to set it up";
  throw new ServiceError("FORBIDDEN", `Two-factor authentication (TOTP) is required for this account: ${where}`);
}

function knownDevice(ctx: ServiceContext, userId: number, uuid: string): boolean {
  return uuid !== "" && ctx.db.select().from(userDevices).where(sql`${userDevices.userId} = ${userId} and ${userDevices.deviceUuid} = ${uuid}`).get() !== undefined;
}

/** Issues the session: call inside the transaction that completed the login. */
function finishLogin(ctx: ServiceContext, row: UserRow, device: Device, via: string): LoginOutcome {
  const token = createSession(ctx, row.id, device);
  const now = ctx.now();
  if (device.uuid)
    ctx.db
      .insert(userDevices)
      .values({ userId: row.id, deviceUuid: device.uuid, deviceId: device.id, firstSeenAt: now, lastLoginAt: now })
      .onConflictDoUpdate({ target: [userDevices.userId, userDevices.deviceUuid], set: { lastLoginAt: now, deviceId: device.id } })
      .run();
  const actor = { type: "user" as const, name: row.name, guid: row.guid };
  emitAudit({ ...ctx, actor }, "auth.login", { type: "user", guid: row.guid, name: row.name }, { via, device_id: device.id, device_name: device.info.name, ...(device.kind === "console" ? { session: "console" } : {}) });
  return { kind: "token", token, user: toUser(row) };
}

export async function passwordLogin(ctx: ServiceContext, rt: AuthRuntime, input: { username: string; password: string; device: Device }): Promise<LoginOutcome> {
  const row = findByLogin(ctx, input.username);
  // Counted under the account's name, so alternating name and e-mail address gains nothing.
  const account = row?.name ?? input.username;
  return rt.queue.run(lockoutKeys(ctx.ip, account), async () => {
    guardLockout(ctx, rt, account);
    const ok = (await verifyPassword(input.password, row?.passwordHash ?? (await dummy()))) && Boolean(row?.passwordHash);
    if (!row || !ok) {
      withTransaction(ctx, (tx) => recordFailure(tx, rt, row ? account : null, "auth.login_failed", row ? "wrong password" : "unknown user"));
      throw new ServiceError("UNAUTHORIZED", WRONG_CREDENTIALS);
    }
    refuseInactive(row);
    if (needsRehash(row.passwordHash!)) {
      const hash = await hashPassword(input.password);
      ctx.db.update(users).set({ passwordHash: hash }).where(eq(users.id, row.id)).run();
    }
    // The account's failures are cleared only when a login completes: a correct password followed
    // by wrong codes must keep counting.
    const totp = totpStatus(ctx, row.id);
    refuseMissingTotp(row, totp, input.device);
    if (totp === "on") {
      const secret = withTransaction(ctx, (tx) => createChallenge(tx, row.id, "totp", input.device, null));
      return { kind: "challenge", method: "totp", secret, user: toUser(row) };
    }
    const wantsEmail = row.emailVerification || (ctx.config.auth.verify_new_devices && row.email !== "" && !knownDevice(ctx, row.id, input.device.uuid));
    if (wantsEmail) return emailChallenge(ctx, rt, row, input.device);
    const outcome = withTransaction(ctx, (tx) => finishLogin(tx, row, input.device, "password"));
    rt.lockout.succeed(account);
    return outcome;
  });
}

/**
 * A login whose first factor was checked elsewhere (SSO): the TOTP step if the account has one,
 * else a session. E-mailed codes are not asked for: the identity provider vouched for the person.
 */
export function externalLogin(ctx: ServiceContext, row: UserRow, device: Device, via: string): LoginOutcome {
  refuseInactive(row);
  const totp = totpStatus(ctx, row.id);
  refuseMissingTotp(row, totp, device);
  if (totp === "on") {
    const secret = withTransaction(ctx, (tx) => createChallenge(tx, row.id, "totp", device, null));
    return { kind: "challenge", method: "totp", secret, user: toUser(row) };
  }
  return withTransaction(ctx, (tx) => finishLogin(tx, row, device, via));
}

async function emailChallenge(ctx: ServiceContext, rt: AuthRuntime, row: UserRow, device: Device): Promise<LoginOutcome> {
  if (!row.email) throw new ServiceError("FORBIDDEN", "This account needs an e-mailed code but has no e-mail address; ask an administrator");
  if (!rt.mailer.enabled) throw new ServiceError("UNAVAILABLE", "This account needs an e-mailed code but e-mail is not configured on this server");
  const code = numericCode(6);
  const secret = withTransaction(ctx, (tx) => createChallenge(tx, row.id, "email", device, code));
  const minutes = ctx.config.auth.email_code_minutes;
  try {
    await rt.mailer.send({
      to: row.email,
      subject: `Your RustDesk login code: ${code}`,
      text: `Your login code is ${code}. It expires in ${minutes} minutes.\n\nDevice: ${device.info.name ?? device.id} (${device.info.os ?? "unknown OS"})\nIP address: ${ctx.ip ?? "unknown"}\n\nIf this was not you, change your password.\n`,
    });
  } catch (e) {
    withTransaction(ctx, (tx) => {
      const pending = findChallenge(tx, secret, device);
      if (pending) dropChallenge(tx, pending.id);
    });
    ctx.log.error(`login code for ${row.name} not sent`, (e as Error).cause ?? e);
    throw e;
  }
  return { kind: "challenge", method: "email", secret, user: toUser(row) };
}

export function completeChallenge(ctx: ServiceContext, rt: AuthRuntime, input: { secret: string; code: string; username?: string; device: Device }): LoginOutcome {
  const found = findChallenge(ctx, input.secret, input.device);
  const row = found && ctx.db.select().from(users).where(eq(users.id, found.userId)).get();
  if (!found || !row || (input.username !== undefined && input.username.toLowerCase() !== row.name.toLowerCase()))
    throw new ServiceError("UNAUTHORIZED", STALE_CHALLENGE);
  guardLockout(ctx, rt, row.name);

  const result = withTransaction(ctx, (tx) => {
    const via = found.kind === "totp" ? checkSecondFactor(tx, row.id, input.code) : sameHash(sha256(input.code.trim()), found.codeHash ?? "") ? "email" : null;
    if (!via) {
      countWrongCode(tx, found);
      recordFailure(tx, rt, row.name, "auth.code_failed", `wrong ${found.kind} code`);
      return null;
    }
    dropChallenge(tx, found.id);
    refuseInactive(row);
    // An e-mailed-code challenge issued before an administrator enforced TOTP ends here too.
    refuseMissingTotp(row, totpStatus(tx, row.id), input.device);
    if (via === "recovery") emitAudit({ ...tx, actor: { type: "user", name: row.name, guid: row.guid } }, "auth.recovery_code_used", { type: "user", guid: row.guid, name: row.name });
    return finishLogin(tx, row, input.device, via);
  });
  if (!result) throw new ServiceError("UNAUTHORIZED", WRONG_CODE);
  rt.lockout.succeed(row.name);
  return result;
}
