// Failure bookkeeping shared by the password and code steps: lockout check, audit row per failure,
// lockout audit, and the automatic ban of an IP that keeps coming back.
import { publish } from "../notify/events.ts";
import { emitAudit, type AuditAction } from "../core/audit.ts";
import { addBan } from "../bans/service.ts";
import type { ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { abuseSubject } from "../net/cidr.ts";
import { keys as lockoutKeys, retryMessage } from "./lockout.ts";
import { lockedUntil, storeLockout } from "./lockout-store.ts";
import type { AuthRuntime } from "./runtime.ts";

const HOUR = 3_600_000;

// Whether a key is locked is read from login_lockouts (lockout-store.ts), so a CLI `lockout clear`
// counts at the next attempt; memory only counts the failures.
export function guardLockout(ctx: ServiceContext, rt: AuthRuntime, account: string): void {
  const now = ctx.now();
  const keys = lockoutKeys(ctx.ip, account);
  const until = lockedUntil(ctx, keys, now);
  if (until > now) throw new ServiceError("TOO_MANY_REQUESTS", retryMessage(until - now));
  // Still locked in memory but not in the table: an administrator cleared it.
  if (rt.lockout.check(now, ctx.ip, account)) for (const key of keys) rt.lockout.release(key);
}

/**
 * `account`: the existing account the attempt was for, or null for an unknown login name; the typed
 * name is then not recorded (people type passwords into the name field), and only the IP counts.
 */
export function recordFailure(ctx: ServiceContext, rt: AuthRuntime, account: string | null, action: AuditAction, reason: string): void {
  const anon = { ...ctx, actor: { type: "anonymous" as const, name: ctx.ip ?? "unknown" } };
  const name = account ?? "(unknown user)";
  rt.failures.record(anon, action, name, reason);
  const outcome = rt.lockout.fail(ctx.now(), ctx.ip, account ?? undefined);
  if (outcome.lockedIp || outcome.lockedAccount) {
    const now = ctx.now();
    const until = now + ctx.config.lockout.minutes * 60_000;
    if (outcome.lockedIp) storeLockout(ctx, lockoutKeys(ctx.ip, undefined)[0]!, now, until);
    if (outcome.lockedAccount && account) storeLockout(ctx, lockoutKeys(undefined, account)[0]!, now, until);
    const details = { ip_locked: outcome.lockedIp, account_locked: outcome.lockedAccount, minutes: ctx.config.lockout.minutes };
    emitAudit(anon, "auth.lockout", { type: "user", name }, details);
    const what = outcome.lockedAccount ? `account ${name}` : `IP ${ctx.ip ?? "?"}`;
    publish(ctx, { kind: "lockout", title: `Login lockout: ${what} for ${details.minutes} min after failed logins`, data: { user: account, ip: ctx.ip ?? null, ...details } });
  }
  if (outcome.banIp && ctx.ip) {
    const system = { ...ctx, actor: { type: "system" as const, name: "lockout" } };
    const subject = abuseSubject(ctx.ip);
    addBan(system, { cidr: subject, expiresAt: ctx.now() + ctx.config.lockout.ban_hours * HOUR, comment: `locked out ${ctx.config.lockout.ban_after} times within a day` });
    ctx.log.warn(`banned ${subject} for ${ctx.config.lockout.ban_hours}h after repeated lockouts`);
  }
}
