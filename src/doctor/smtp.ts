// SMTP: connect and log in with the [smtp] settings (nodemailer's verify: EHLO, STARTTLS, AUTH), no mail sent.
import type { Config } from "../config/schema.ts";
import { smtpTransport } from "../mail/mailer.ts";
import { errorText, fail, ok, skip, type CheckResult } from "./check.ts";

const NAME = "smtp";

export async function checkSmtp(config: Config): Promise<CheckResult> {
  const s = config.smtp;
  if (!s.host) return skip(NAME, "[smtp] is not set: e-mail is off");
  const where = `${s.host}:${s.port} (${s.security})`;
  const transport = smtpTransport(s);
  try {
    await transport.verify();
    return ok(NAME, `${where}: ${s.user ? `logged in as ${s.user}` : "connected (no login configured)"}`);
  } catch (e) {
    const auth = (e as { code?: string }).code === "EAUTH";
    return fail(NAME, `${where}: ${errorText(e)}`, auth ? "check smtp.user and smtp.password" : "check smtp.host, smtp.port and smtp.security, and that this machine may reach the SMTP server");
  } finally {
    transport.close();
  }
}
