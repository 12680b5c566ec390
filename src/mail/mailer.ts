// Outgoing e-mail over SMTP (nodemailer). One transport per process, created on first use.
import nodemailer from "nodemailer";
import type { Config } from "../config/schema.ts";
import { ServiceError } from "../core/errors.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

/** A transport for these settings (the mailer's, and `doctor`'s login check). */
export function smtpTransport(s: Config["smtp"]) {
  const ms = s.timeout_seconds * 1000;
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === "tls",
    requireTLS: s.security === "starttls",
    ignoreTLS: s.security === "none",
    ...(s.user ? { auth: { user: s.user, pass: s.password } } : {}),
    connectionTimeout: ms,
    greetingTimeout: ms,
    socketTimeout: ms,
  });
}

// `smtp` may be the live config's section (src/config/live.ts): each send reads it, and a new transport
// is made when the settings changed since the last one.
export function createMailer(smtp: Config["smtp"]): Mailer {
  let transport: ReturnType<typeof smtpTransport> | undefined;
  let made = "";
  return {
    get enabled() {
      return smtp.host !== "";
    },
    async send(mail) {
      const s = { ...smtp };
      if (!s.host) throw new ServiceError("UNAVAILABLE", "e-mail is not configured on this server (smtp.host is empty)");
      const key = JSON.stringify(s);
      if (key !== made) {
        transport?.close();
        transport = smtpTransport(s);
        made = key;
      }
      try {
        await transport!.sendMail({ from: s.from, ...mail });
      } catch (e) {
        throw new ServiceError("UNAVAILABLE", "the e-mail could not be sent; ask an administrator to check the SMTP settings", { cause: e });
      }
    },
  };
}

/** "alice@example.com" → "a***@example.com": enough for the user to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
