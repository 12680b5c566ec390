// Per-process login machinery shared by the routes: the lockout counters and the mailer.
import type { Config } from "../config/schema.ts";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { FailureAudit } from "./failure-audit.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { Lockout } from "./lockout.ts";

export interface AuthRuntime {
  readonly lockout: Lockout;
  readonly mailer: Mailer;
  /** Serialises password checks per client and per account. */
  readonly queue: KeyedQueue;
  /** Failed logins aggregated per source and window in the console audit. */
  readonly failures: FailureAudit;
}

export const createAuthRuntime = (config: Config): AuthRuntime => ({
  lockout: new Lockout(config.lockout),
  mailer: createMailer(config.smtp),
  queue: new KeyedQueue(),
  failures: new FailureAudit(),
});
