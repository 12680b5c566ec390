// The RustDesk servers around rdconsole: hbbs (TCP 21115 NAT test, 21116 rendezvous) and hbbr (TCP 21117)
// reachable from here, and the public key clients are given equal to the one hbbs writes.
import { existsSync } from "node:fs";
import { connect } from "node:net";
import type { Config } from "../config/schema.ts";
import { readKeyFile, WELL_KNOWN_KEY_FILE } from "../enrolment/server-key.ts";
import { errorText, fail, ok, skip, warn, type CheckResult } from "./check.ts";

export const HBBS_PORT = 21116;
export const HBBR_PORT = 21117;

/** "host", "host:port", "[v6]:port" → host and port (`fallback` when none is given). */
export function hostPort(value: string, fallback: number): { host: string; port: number } {
  const v = value.trim();
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(v) ?? (/^[^:]*:\d+$/.test(v) ? /^([^:]+):(\d+)$/.exec(v) : null);
  if (m) return { host: m[1]!, port: m[2] ? Number(m[2]) : fallback };
  return { host: v, port: fallback };
}

export function tcpReach(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (error: string | null) => (s.destroy(), resolve(error));
    s.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs / 1000} s`));
    s.once("connect", () => done(null));
    s.once("error", (e) => done(errorText(e)));
  });
}

async function reach(name: string, host: string, ports: number[], timeoutMs: number, fix: string): Promise<CheckResult> {
  const errors = await Promise.all(ports.map((p) => tcpReach(host, p, timeoutMs)));
  const bad = ports.map((p, i) => (errors[i] ? `${host}:${p}: ${errors[i]}` : null)).filter(Boolean);
  if (bad.length) return fail(name, bad.join("; "), fix);
  return ok(name, `${host} answers on TCP ${ports.join(", ")}`);
}

export async function checkRustdeskServers(config: Config, timeoutMs = 3000): Promise<CheckResult[]> {
  const c = config.rustdesk;
  if (!c.id_server) return [skip("id server", "rustdesk.id_server is not set", "set rustdesk.id_server to your hbbs host (clients are given it)"), skip("relay server", "rustdesk.id_server is not set")];
  const id = hostPort(c.id_server, HBBS_PORT);
  // The client derives the relay from the ID server's host when none is set; hbbs's NAT test port is its port - 1.
  const relay = c.relay_server ? hostPort(c.relay_server, HBBR_PORT) : { host: id.host, port: HBBR_PORT };
  return Promise.all([
    reach("id server", id.host, [id.port - 1, id.port], timeoutMs, `start hbbs on ${id.host}, and open TCP ${id.port - 1}-${id.port} (and UDP ${id.port}) in its firewall`),
    reach("relay server", relay.host, [relay.port], timeoutMs, `start hbbr on ${relay.host}, and open TCP ${relay.port} in its firewall`),
  ]);
}

/** `hbbsKeyFile`: where hbbs writes its key on this machine (the rustdesk-server package's place). */
export function checkServerKey(config: Config, hbbsKeyFile = WELL_KNOWN_KEY_FILE): CheckResult {
  const name = "server key";
  const c = config.rustdesk;
  const read = (path: string, from: string) => {
    try {
      return { key: readKeyFile(path, from), error: null };
    } catch (e) {
      return { key: null, error: errorText(e) };
    }
  };
  if (c.key_file) {
    const r = read(c.key_file, "rustdesk.key_file");
    return r.key ? ok(name, `read from ${c.key_file}`) : fail(name, r.error!, "point rustdesk.key_file at hbbs's id_ed25519.pub, readable by the server's user");
  }
  const here = existsSync(hbbsKeyFile) ? read(hbbsKeyFile, "hbbs key file") : null;
  if (!c.key) {
    if (here?.key) return ok(name, `read from ${hbbsKeyFile}`);
    if (here) return fail(name, here.error!, `make ${hbbsKeyFile} readable by the server's user, or set rustdesk.key`);
    return warn(name, "no server key configured: client-config and install lines cannot give clients one", "set rustdesk.key_file to hbbs's id_ed25519.pub (or rustdesk.key to its content)");
  }
  if (!here) return skip(name, `rustdesk.key is set; no hbbs key file at ${hbbsKeyFile} to compare with`, "set rustdesk.key_file (instead of key) to hbbs's id_ed25519.pub: then they cannot drift apart");
  if (!here.key) return warn(name, `cannot compare with hbbs's key: ${here.error}`, `make ${hbbsKeyFile} readable by the server's user`);
  if (here.key !== c.key) return fail(name, `rustdesk.key differs from ${hbbsKeyFile}: clients given it fail with "key mismatch"`, `set rustdesk.key to the content of ${hbbsKeyFile}, or use rustdesk.key_file = "${hbbsKeyFile}"`);
  return ok(name, `rustdesk.key equals ${hbbsKeyFile}`);
}
