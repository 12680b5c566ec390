// The catalogue checked against the client's own lists, copied below from the client source at the pinned commit
// and from the contract's §8.5, kept inline so the test needs nothing outside the repository.
import { describe, expect, test } from "bun:test";
import { GROUPS, REFUSED_KEYS, SETTABLE_KEYS } from "./catalogue.ts";
import { SETTABLE } from "./keys-settable.ts";
import { keysJson, keysText } from "./keys-format.ts";

// keys::KEYS_SETTINGS (client: libs/hbb_common/src/config.rs:3136-3195 (rustdesk@7423dced)).
const KEYS_SETTINGS = [
  "access-mode", "enable-keyboard", "enable-clipboard", "enable-file-transfer", "enable-camera", "enable-terminal",
  "enable-remote-printer", "enable-audio", "enable-tunnel", "enable-remote-restart", "enable-record-session",
  "enable-block-input", "enable-privacy-mode", "allow-scope-violation-close", "allow-scope-violation-alarm",
  "allow-remote-config-modification", "allow-numeric-one-time-password", "enable-lan-discovery", "direct-server",
  "direct-access-port", "whitelist", "id-whitelist", "allow-auto-disconnect", "auto-disconnect-timeout",
  "allow-only-conn-window-open", "allow-auto-record-incoming", "windows-service-video-save-directory", "enable-abr",
  "allow-remove-wallpaper", "allow-always-software-render", "enable-hwcodec", "approve-mode", "verification-method",
  "temporary-password-length", "proxy-url", "proxy-username", "proxy-password", "custom-rendezvous-server",
  "api-server", "key", "allow-websocket", "preset-address-book-name", "preset-address-book-tag",
  "preset-address-book-alias", "preset-address-book-password", "preset-address-book-note", "preset-device-username",
  "preset-device-name", "preset-note", "enable-directx-capture", "enable-android-software-encoding-half-scale",
  "enable-trusted-devices", "relay-server", "ice-servers", "disable-udp", "allow-insecure-tls-fallback",
  "keep-awake-during-incoming-sessions", "allow-auto-update",
];
// Config keys read directly, outside KEYS_SETTINGS (client: src/hbbs_http/sync.rs:103 (rustdesk@7423dced),
// client: libs/hbb_common/src/password_security.rs:88-92 (rustdesk@7423dced)).
const DIRECT_READS = ["stop-service", "allow-hide-cm"];

// client-contract §8.5, the table of keys a strategy can meaningfully set: KEYS_SETTINGS less the proxy keys, plus the
// direct reads (client: libs/hbb_common/src/config.rs:3136-3195 (rustdesk@7423dced)).
const CONTRACT_8_5 = [...KEYS_SETTINGS.filter((k) => !k.startsWith("proxy-")), ...DIRECT_READS];
// Keys in the catalogue that §8.5 does not list, each with the reason it is there. None today.
const JUSTIFIED: Record<string, string> = {};
// §8.5 "Not settable via a strategy", by name.
const CONTRACT_NOT_SETTABLE = [
  "proxy-url", "proxy-username", "proxy-password", "default-connect-password", "preset-user-name", "preset-strategy-name",
  "preset-device-group-name", "register-device", "hide-security-settings", "hide-tray", "allow-ask-for-note",
  "allow-auto-record-outgoing", "sync-ab-with-recent-sessions", "enable-udp-punch",
];

// The client's boolean rule, as written (client: libs/hbb_common/src/config.rs:2826-2838 (rustdesk@7423dced)).
function option2bool(option: string, value: string): boolean {
  if (option.startsWith("enable-")) return value !== "N";
  if (option.startsWith("allow-") || ["stop-service", "direct-server", "force-always-relay"].includes(option)) return value === "Y";
  return value !== "N";
}

describe("catalogue", () => {
  test("every key of KEYS_SETTINGS and every direct read is settable, except the proxy keys, which are refused", () => {
    for (const k of [...KEYS_SETTINGS, ...DIRECT_READS]) {
      if (k.startsWith("proxy-")) expect(REFUSED_KEYS.get(k)?.reason, k).toBe("custom-client");
      else expect(SETTABLE_KEYS.has(k), k).toBe(true);
    }
  });

  test("every settable key is in client-contract §8.5 or justified", () => {
    for (const s of SETTABLE) expect(CONTRACT_8_5.includes(s.key) || s.key in JUSTIFIED, s.key).toBe(true);
    expect(SETTABLE.length).toBe(57);
  });

  test("what §8.5 says a strategy cannot set is refused; no key is both; no key twice", () => {
    for (const k of CONTRACT_NOT_SETTABLE) expect(REFUSED_KEYS.has(k), k).toBe(true);
    for (const k of SETTABLE_KEYS.keys()) expect(REFUSED_KEYS.has(k), k).toBe(false);
    expect(SETTABLE_KEYS.size).toBe(SETTABLE.length);
  });

  test("enable and allow kinds follow the client's boolean rule: Y is on and N is off, and the default is right", () => {
    for (const s of SETTABLE.filter((s) => s.kind === "enable" || s.kind === "allow")) {
      expect(s.values, s.key).toEqual(["Y", "N"]);
      // disable-udp is compared with "Y" directly (client: src/common.rs:2377 (rustdesk@7423dced)), not through option2bool.
      const on = (v: string) => (s.key === "disable-udp" ? v === "Y" : option2bool(s.key, v));
      expect([on("Y"), on("N")], s.key).toEqual([true, false]);
      expect(on(""), `${s.key} unset`).toBe(s.kind === "enable");
    }
  });

  test("every group has keys; gated keys are the server group and stop-service", () => {
    for (const g of GROUPS) expect(SETTABLE.some((s) => s.group === g), g).toBe(true);
    expect(SETTABLE.filter((s) => s.gate === "repoint").map((s) => s.key)).toEqual(SETTABLE.filter((s) => s.group === "server").map((s) => s.key));
    expect(SETTABLE.filter((s) => s.gate === "stop").map((s) => s.key)).toEqual(["stop-service"]);
  });
});

describe("strategy keys output", () => {
  test("the table lists every settable key under its group, then the refused keys by reason", () => {
    const text = keysText();
    for (const g of GROUPS) expect(text).toContain(`\n[${g}]\n`);
    for (const s of SETTABLE) expect(text).toMatch(new RegExp(`\\n${s.key}\\s+${s.kind}\\s`));
    expect(text).toContain("  built-in: it is a built-in option");
    expect(text).toContain("preset-user-name");
    expect(text).toMatch(/\naccess-mode\s+enum\s+full view custom\s+Incoming sessions/);
  });

  test("JSON has stable fields for every key", () => {
    const json = keysJson();
    expect(json.settable.map((k) => k.key).sort()).toEqual([...SETTABLE_KEYS.keys()].sort());
    expect(json.settable.find((k) => k.key === "temporary-password-length")).toEqual({
      key: "temporary-password-length",
      kind: "enum",
      group: "security",
      description: "Length of the temporary password (default 6)",
      allowed: "one of 6, 8, 10",
      values: ["6", "8", "10"],
      requires_flag: null,
    });
    expect(json.settable.find((k) => k.key === "api-server")?.requires_flag).toBe("--allow-repoint");
    expect(json.refused).toContainEqual({ key: "allow-ask-for-note", reason: "local", why: expect.stringContaining("LocalConfig") });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
