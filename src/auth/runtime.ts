// Per-process login machinery shared by the routes: the lockout counters and the mailer.
import type { Config } from "../config/schema.ts";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { Lockout } from "./lockout.ts";

export interface AuthRuntime {
  readonly lockout: Lockout;
  readonly mailer: Mailer;
}

export const createAuthRuntime = (config: Config): AuthRuntime => ({
  lockout: new Lockout(config.lockout),
  mailer: createMailer(config.smtp),
});
