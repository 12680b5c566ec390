// Who may enrol: the Bearer of `rustdesk --assign` / `--deploy` is an enrolment key or an API token with the
// enrol (or admin) scope, checked per request by authenticateToken. A user's login token is told apart, so the
// admin who pasted one learns what to use instead.
// client: src/core_main.rs:574 (rustdesk@7423dced) sends the --token value as "Authorization: Bearer <token>"
import { eq } from "drizzle-orm";
import { bearerToken } from "../auth/macro.ts";
import type { Actor, ServiceContext } from "../core/context.ts";
import { ServiceError } from "../core/errors.ts";
import { sha256 } from "../crypto/tokens.ts";
import { sessions } from "../db/schema.ts";
import { authenticateToken } from "../tokens/authenticate.ts";
import type { TokenRow } from "../tokens/model.ts";
import { SECRET_SHAPE } from "../tokens/secret.ts";

export interface EnrolKey {
  token: TokenRow;
  /** What the key's changes are recorded as. */
  actor: Actor;
}

const HOW = "create one with: rdconsole token create NAME --enrol";

/** The key a request carries, or ServiceError UNAUTHORIZED / FORBIDDEN with a line saying what is wrong. */
export function enrolKeyOf(ctx: ServiceContext, request: Request): EnrolKey {
  const secret = bearerToken(request);
  if (!secret) throw new ServiceError("UNAUTHORIZED", `no token: --assign and --deploy need --token with an enrolment key (${HOW})`);
  if (!SECRET_SHAPE.test(secret) && isLoginToken(ctx, secret))
    throw new ServiceError("UNAUTHORIZED", `this is a user's login token, not an enrolment key: --assign and --deploy need an enrolment key or an API token with the enrol scope (${HOW})`);
  try {
    const { token } = authenticateToken(ctx, secret, { area: "enrol", write: true });
    return { token, actor: { type: "token", name: `token:${token.name}`, guid: token.guid } };
  } catch (e) {
    if (e instanceof ServiceError && e.message === "invalid API token") throw new ServiceError("UNAUTHORIZED", `unknown token: not an enrolment key of this server (revoked keys are still known; was it rotated, or meant for another server?) — ${HOW}`);
    throw e;
  }
}

function isLoginToken(ctx: ServiceContext, secret: string): boolean {
  if (secret.length > 200) return false;
  return ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.tokenHash, sha256(secret))).get() !== undefined;
}
