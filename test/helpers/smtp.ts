// A real SMTP server on loopback that keeps what it receives.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  from: string;
  to: string[];
  data: string;
}

export async function startSmtp(o: { user?: string; password?: string } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: o.user ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !o.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === o.user && auth.password === o.password) cb(null, { user: auth.username });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      let data = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (data += chunk));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    /** Settings for testEnv()/config files pointing at this server. */
    config: { "smtp.host": "127.0.0.1", "smtp.port": String(port), "smtp.security": "none", "smtp.from": "rdconsole <rd@example.com>", ...(o.user ? { "smtp.user": o.user, "smtp.password": o.password ?? "" } : {}) },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The 6-digit code in the last message to `to`. */
export function lastCode(received: Received[], to: string): string {
  const msg = received.filter((m) => m.to.includes(to)).at(-1);
  const code = msg && /login code is (\d{6})/.exec(msg.data)?.[1];
  if (!code) throw new Error(`no login code mailed to ${to}; got ${received.length} message(s)`);
  return code;
}
