import { expect, test } from "bun:test";
import { loadConfig } from "../config/load.ts";
import { resolveSettings } from "./settings.ts";

const config = (flags: Record<string, string> = {}) => loadConfig({ env: {}, defaultConfigPath: "/nonexistent/rdconsole.toml", flags }).config;
const KEY = "OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw=";

test("flags win over [rustdesk]; trailing slashes dropped as the client does", () => {
  const c = config({ "rustdesk.id_server": "cfg.example.com", "rustdesk.key": KEY, "server.public_url": "https://rd.example.com" });
  expect(resolveSettings(c, {}).settings).toEqual({ idServer: "cfg.example.com", relayServer: "", apiServer: "https://rd.example.com", key: KEY });
  expect(resolveSettings(c, { idServer: "flag.example.com/", relay: "r.example.com:21117", api: "http://10.0.0.5:21114/" }).settings).toEqual({ idServer: "flag.example.com", relayServer: "r.example.com:21117", apiServer: "http://10.0.0.5:21114", key: KEY });
});

test("no key anywhere: the rustdesk-server package's key file is tried, else one line naming flags and keys", () => {
  const c = config({ "rustdesk.id_server": "h", "server.public_url": "https://rd.example.com" });
  expect(() => resolveSettings(c, {}, () => false)).toThrow("no server key: pass --key KEY or --key-file FILE, or set rustdesk.key or rustdesk.key_file");
  expect(() => resolveSettings(c, {}, (p) => p === "/var/lib/rustdesk-server/id_ed25519.pub")).toThrow("hbbs key file: cannot read /var/lib/rustdesk-server/id_ed25519.pub");
});

test("keys: exactly 32 bytes of canonical, padded base64", () => {
  const c = config({ "rustdesk.id_server": "h", "server.public_url": "https://rd.example.com" });
  for (const bad of ["", KEY.slice(0, -1), `${KEY}=`, KEY.replace("=", ""), `${KEY.slice(0, 42)}B=`, Buffer.alloc(33).toString("base64")])
    expect(() => resolveSettings(c, { key: bad })).toThrow("--key: not a server key");
  expect(resolveSettings(c, { key: ` ${KEY}\n` }).settings.key).toBe(KEY);
});

test("config: key and key_file together are refused", () => {
  expect(() => config({ "rustdesk.key": KEY, "rustdesk.key_file": "/etc/id_ed25519.pub" })).toThrow("rustdesk.key and rustdesk.key_file: set one, not both");
});
