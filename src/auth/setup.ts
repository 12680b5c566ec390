// First run: the first administrator, created from a browser with the one-time setup code that `serve`
// printed (and wrote to <data dir>/setup-code) — only while no enabled administrator exists. Wrong codes
// count against the caller's IP like failed logins (lockout, then a ban for repeat offenders).
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { sameHash, sha256 } from "../crypto/tokens.ts";
import { normalizeSetupCode, readSetupCode, removeSetupCode } from "../lifecycle/setup-code.ts";
import { checkEmail, checkName } from "../core/validate.ts";
import { toUser, type User } from "../users/model.ts";
import { checkPassword, hashPassword } from "../users/password.ts";
import { hasActiveAdmin, insertUser } from "../users/service.ts";
import { consoleDevice } from "./console.ts";
import { guardLockout, recordFailure } from "./guard.ts";
import type { AuthRuntime } from "./runtime.ts";
import { createSession } from "./sessions.ts";

export const ALREADY_SET_UP = "this server already has an administrator; sign in instead";

export function needsSetup(ctx: ServiceContext): boolean {
  return !hasActiveAdmin(ctx);
}

export interface SetupInput {
  code: string;
  name: string;
  password: string;
  email?: string;
  userAgent: string | null;
}

/** Creates the first administrator and signs them in; the code is void afterwards. */
export async function setupFirstAdmin(ctx: ServiceContext, rt: AuthRuntime, input: SetupInput): Promise<{ user: User; token: string }> {
  const dir = ctx.config.data.dir;
  if (!needsSetup(ctx)) {
    removeSetupCode(dir); // an administrator was made another way (the CLI) since serve started: the code is void
    throw new ServiceError("CONFLICT", ALREADY_SET_UP);
  }
  guardLockout(ctx, rt, "");
  const expected = readSetupCode(dir);
  if (!expected) throw new ServiceError("FORBIDDEN", "no setup code is in force; restart the server to print a new one, or create an administrator with: rdconsole user create <name> --admin");
  if (!sameHash(sha256(normalizeSetupCode(input.code)), sha256(normalizeSetupCode(expected)))) {
    // Counted under the IP only: a stranger's wrong codes must not lock out the operator.
    withTransaction(ctx, (tx) => recordFailure(tx, rt, null, "auth.setup_failed", "wrong setup code"));
    throw new ServiceError("FORBIDDEN", "wrong setup code; it is in the server's log and in <data dir>/setup-code");
  }
  const name = checkName(input.name);
  const email = checkEmail(input.email ?? "");
  const hash = await hashPassword(checkPassword(input.password, ctx.config.auth.password_min_length));
  const result = withTransaction(ctx, (tx) => {
    // Checked again inside the write: two correct setups at once make one administrator.
    if (!needsSetup(tx)) throw new ServiceError("CONFLICT", ALREADY_SET_UP);
    const row = insertUser({ ...tx, actor: { type: "anonymous", name: ctx.ip ?? "unknown" } }, { name, email, displayName: "", note: "", passwordHash: hash, isAdmin: true }, { via: "setup" });
    const actor = { type: "user" as const, name: row.name, guid: row.guid };
    const token = createSession(tx, row.id, consoleDevice(input.userAgent));
    emitAudit({ ...tx, actor }, "auth.login", { type: "user", guid: row.guid, name: row.name }, { via: "setup", session: "console" });
    return { user: toUser(row), token };
  });
  removeSetupCode(dir);
  return result;
}
