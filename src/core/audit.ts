// Console-audit rows, written with the ServiceContext of the change they record,
// i.e. inside the same transaction.
import type { ServiceContext } from "./context.ts";
import { consoleAudit } from "../db/schema.ts";
import { auditWritten } from "./audit-feed.ts";

/** Every console-audit action, `entity.verb`. */
export type AuditAction =
  | "user.create"
  | "user.update"
  | "user.password"
  | "user.disable"
  | "user.enable"
  | "user.delete"
  | "user.logout_all"
  | "user.2fa_enable"
  | "user.2fa_disable"
  | "user.2fa_reset"
  | "user.2fa_enforce"
  | "user.invite"
  | "user.activate"
  | "auth.login"
  | "auth.login_failed"
  | "auth.code_failed"
  | "auth.lockout"
  | "lockout.clear"
  | "auth.recovery_code_used"
  | "auth.setup_failed"
  | "session.logout"
  | "session.revoke"
  | "ban.add"
  | "ban.remove"
  | "group.create"
  | "group.delete"
  | "group.add_user"
  | "group.remove_user"
  | "group.rename"
  | "ab.create"
  | "ab.update"
  | "ab.delete"
  | "ab.replace"
  | "ab.import"
  | "ab_rule.set"
  | "ab_rule.remove"
  | "ab_peer.add"
  | "ab_peer.update"
  | "ab_peer.delete"
  | "ab_tag.add"
  | "ab_tag.rename"
  | "ab_tag.update"
  | "ab_tag.delete"
  | "device.register"
  | "device.preset"
  | "device.uuid_mismatch"
  | "device.limit_reached"
  | "device.update"
  | "device.disable"
  | "device.enable"
  | "device.approve"
  | "device.rekey"
  | "device.delete"
  | "device.disconnect"
  | "device.enrol"
  | "device.deploy"
  | "device_group.create"
  | "device_group.rename"
  | "device_group.delete"
  | "device_group.update"
  | "device_group.add_devices"
  | "device_group.remove_devices"
  | "group.access"
  | "recording.delete"
  | "retention.purge"
  | "audit.note"
  | "user.sso_link"
  | "user.sso_unlink"
  | "auth.sso_failed"
  | "strategy.create"
  | "strategy.update"
  | "strategy.rename"
  | "strategy.enable"
  | "strategy.disable"
  | "strategy.delete"
  | "strategy.default"
  | "strategy.assign"
  | "strategy.unassign"
  | "token.create"
  | "token.revoke"
  | "token.rotate"
  | "token.denied"
  | "setting.set"
  | "setting.unset"
  | "notification.create"
  | "notification.update"
  | "notification.delete"
  | "import.run"

  | "backup.create"
  | "backup.download";

export interface AuditTarget {
  type: string;
  guid?: string;
  name?: string;
}

export function emitAudit(ctx: ServiceContext, action: AuditAction, target: AuditTarget | null, details: Record<string, unknown> = {}) {
  ctx.db
    .insert(consoleAudit)
    .values({
      createdAt: ctx.now(),
      actorType: ctx.actor.type,
      actorGuid: ctx.actor.guid ?? null,
      actorName: ctx.actor.name,
      action,
      targetType: target?.type ?? null,
      targetGuid: target?.guid ?? null,
      targetName: target?.name ?? null,
      details,
      ip: ctx.ip ?? null,
    })
    .run();
  auditWritten(ctx, "console");
}
