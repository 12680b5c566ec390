// A heartbeat round trip on loopback, sent as the client sends it, for an ID no device can have: the server
// answers an unknown ID with {"sysinfo":true} ({} when registration is closed) and writes nothing for it.
// client: src/hbbs_http/sync.rs:235-270 (rustdesk@7423dced) — no Authorization, JSON body with sorted keys.
import { errorText, fail, ok, skip, type CheckResult } from "./check.ts";

const NAME = "heartbeat";
// "_" first: no generated, custom ("^[a-zA-Z]…") or host-name ID starts with it.
export const PROBE_DEVICE_ID = "_rdconsole-doctor";
const BODY = JSON.stringify({ id: PROBE_DEVICE_ID, modified_at: 0, uuid: "cmRjb25zb2xlLWRvY3Rvcg==", ver: 1004090 });

/** The loopback URL of a server listening on `host`:`port`. */
export function loopbackUrl(host: string, port: number): string {
  const h = host === "" || host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

export async function checkHeartbeat(base: string | null, timeoutMs = 5000): Promise<CheckResult> {
  if (!base) return skip(NAME, "no port to reach the server on (server.port = 0)");
  const url = `${base}/api/heartbeat`;
  let r: Response;
  try {
    r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: BODY, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    return fail(NAME, `POST ${url}: ${errorText(e)}`, "start the server (systemctl start rdconsole, or rdconsole serve)");
  }
  const text = await r.text();
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    reply = undefined;
  }
  if (r.status !== 200 || !reply || typeof reply !== "object" || Array.isArray(reply))
    return fail(NAME, `POST ${url} answered HTTP ${r.status}: ${text.slice(0, 200)}`, r.status === 403 ? "127.0.0.1 is banned: rdconsole ban list / ban remove" : "read the server log (journalctl -u rdconsole)");
  return ok(NAME, `POST ${url}: 200 ${text}`);
}
