// server.public_url must reach THIS server, unredirected: heartbeats, sysinfo and audit posts break otherwise.
// client: src/common.rs:1470-1545 (rustdesk@7423dced) posts with reqwest, which follows a 301/302/303 as a GET
import { randomBytes } from "node:crypto";
import type { Config } from "../config/schema.ts";
import { PROBE_HEADER, probeAnswer } from "../crypto/instance-probe.ts";
import { errorText, fail, ok, warn, type CheckResult } from "./check.ts";

const NAME = "public url";

export interface PublicUrlProbe {
  result: CheckResult;
  /** The answer's Date header (a clock to compare with), when one came. */
  date: string | null;
}

export async function checkPublicUrl(config: Config, timeoutMs = 5000): Promise<PublicUrlProbe> {
  const base = config.server.public_url.replace(/\/+$/, "");
  if (!base) return { result: warn(NAME, "server.public_url is not set: links and SSO redirect URIs are derived from each request", 'set server.public_url to the URL clients use, e.g. "https://rd.example.com"'), date: null };
  const nonce = randomBytes(18).toString("base64url");
  const url = `${base}/healthz?probe=${nonce}`;
  let r: Response;
  try {
    r = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs), tls: { rejectUnauthorized: false } });
    await r.body?.cancel();
  } catch (e) {
    return { result: fail(NAME, `GET ${base}/healthz: ${errorText(e)}`, "check DNS, the firewall and the reverse proxy in front of rdconsole"), date: null };
  }
  const date = r.headers.get("date");
  const done = (result: CheckResult) => ({ result, date });
  if (r.status >= 300 && r.status < 400) {
    const to = r.headers.get("location") ?? "(no Location)";
    return done(fail(NAME, `${base} answers ${r.status}, redirecting to ${to}: the RustDesk client turns a redirected POST into a GET`, `set server.public_url (and the clients' API server) to the final URL, or stop the redirect for ${base}/api/`));
  }
  if (r.status !== 200) return done(fail(NAME, `GET ${base}/healthz answered HTTP ${r.status}`, "the reverse proxy must forward every path (/api/*, /healthz, /console/) to rdconsole"));
  const answer = r.headers.get(PROBE_HEADER);
  if (!answer) return done(fail(NAME, `${base} answers, but not as rdconsole (no ${PROBE_HEADER} header)`, "point the reverse proxy (or DNS) at this server, and let it pass response headers"));
  let expected: string;
  try {
    expected = probeAnswer(config, nonce, false);
  } catch (e) {
    return done(fail(NAME, `cannot verify the answer: ${errorText(e)}`, "run doctor as the server's user (sudo -u rdconsole rdconsole doctor)"));
  }
  if (answer !== expected) return done(fail(NAME, `${base} reaches another rdconsole (another data dir or auth.secret_key)`, "point server.public_url (or the proxy) at this server"));
  return done(ok(NAME, `${base} reaches this server, not redirected`));
}
