// An https public URL: the certificate must be trusted and must not expire within 14 days (a renewal that keeps
// failing shows up here first).
// client: src/common.rs:1470-1545 (rustdesk@7423dced) accepts an invalid certificate only with allow-insecure-tls-fallback
import { isIP } from "node:net";
import { checkServerIdentity, connect, type PeerCertificate } from "node:tls";
import type { Config } from "../config/schema.ts";
import { errorText, fail, ok, skip, type CheckResult } from "./check.ts";

const NAME = "tls certificate";
export const CERT_MIN_DAYS = 14;
const DAY = 86_400_000;

function peerCertificate(host: string, port: number, ca: string | undefined, timeoutMs: number): Promise<{ cert: PeerCertificate; error: string | null }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, ...(isIP(host) ? {} : { servername: host }), rejectUnauthorized: false, ...(ca ? { ca } : {}) }, () => {
      const cert = socket.getPeerCertificate();
      const identity = checkServerIdentity(host, cert);
      const error = socket.authorized ? (identity ? identity.message : null) : String(socket.authorizationError);
      socket.end();
      resolve({ cert, error });
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no TLS handshake within ${timeoutMs / 1000} s`)));
    socket.once("error", reject);
  });
}

/** `ca`: extra trusted roots (tests); the system's otherwise. */
export async function checkTls(config: Config, o: { ca?: string; timeoutMs?: number; now?: number } = {}): Promise<CheckResult> {
  const base = config.server.public_url;
  if (!base || !base.startsWith("https:")) return skip(NAME, base ? "server.public_url is plain http" : "server.public_url is not set");
  const url = new URL(base);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let got: Awaited<ReturnType<typeof peerCertificate>>;
  try {
    got = await peerCertificate(host, Number(url.port || 443), o.ca, o.timeoutMs ?? 5000);
  } catch (e) {
    return fail(NAME, `TLS to ${url.host}: ${errorText(e)}`, "check that the reverse proxy serves https on that port");
  }
  const until = Date.parse(got.cert.valid_to);
  const days = Math.floor((until - (o.now ?? Date.now())) / DAY);
  const when = `expires ${new Date(until).toISOString().slice(0, 10)}`;
  if (got.error) return fail(NAME, `not trusted: ${got.error} (${when})`, "use a certificate from a public CA (e.g. Let's Encrypt) for this host name: the RustDesk client refuses untrusted ones");
  if (days < CERT_MIN_DAYS) return fail(NAME, `${when}, in ${days} days`, "renew the certificate (certbot renew, or check why automatic renewal fails)");
  return ok(NAME, `trusted, ${when} (${days} days)`);
}
