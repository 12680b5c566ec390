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

export function createMailer(smtp: Config["smtp"]): Mailer {
  if (!smtp.host)
    return {
      enabled: false,
      send: async () => {
        throw new ServiceError("UNAVAILABLE", "e-mail is not configured on this server (smtp.host is empty)");
      },
    };
  let transport: ReturnType<typeof nodemailer.createTransport> | undefined;
  const ms = smtp.timeout_seconds * 1000;
  return {
    enabled: true,
    async send(mail) {
      transport ??= nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.security === "tls",
        requireTLS: smtp.security === "starttls",
        ignoreTLS: smtp.security === "none",
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
        connectionTimeout: ms,
        greetingTimeout: ms,
        socketTimeout: ms,
      });
      try {
        await transport.sendMail({ from: smtp.from, ...mail });
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
