// `smtp test`, for the CLI and the admin API: one message through the [smtp] settings, and the SMTP server's
// own words when it does not go through.
import type { Config } from "../config/schema.ts";
import { conflict, invalid } from "../core/errors.ts";
import { checkEmail } from "../core/validate.ts";
import { createMailer } from "./mailer.ts";

export type MailTest = { ok: true } | { ok: false; error: string };

export async function sendTestMail(smtp: Config["smtp"], address: string): Promise<MailTest> {
  const to = checkEmail(address);
  if (!to) throw invalid("give the address to send the test message to");
  const mailer = createMailer(smtp);
  if (!mailer.enabled) throw conflict("smtp.host is not set");
  try {
    await mailer.send({ to, subject: "rdconsole test message", text: "This is a test message from rdconsole. E-mail works.\n" });
    return { ok: true };
  } catch (e) {
    const cause = (e as Error).cause;
    return { ok: false, error: `sending failed: ${cause instanceof Error ? cause.message : (e as Error).message}` };
  }
}
