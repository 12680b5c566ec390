import { describe, expect, test } from "bun:test";
import { lintOptions } from "./lint.ts";

const errorsOf = (options: Record<string, string>, flags = {}) => lintOptions(options, flags).errors.map((e) => e.message);
const warningsOf = (options: Record<string, string>, flags = {}) => lintOptions(options, flags).warnings.map((e) => e.message);

describe("unknown keys", () => {
  test("refused with a did-you-mean hint naming the key", () => {
    expect(lintOptions({ "enable-keybaord": "N" }).errors).toEqual([
      {
        key: "enable-keybaord",
        message: 'unknown key "enable-keybaord" — did you mean "enable-keyboard"? (`strategy keys` lists the keys; --force sends it anyway, for clients newer than this server)',
      },
    ]);
  });

  test("keys are case-sensitive: the wrong case is unknown, with the right spelling as the hint", () => {
    expect(errorsOf({ "Enable-Keyboard": "N" })).toEqual([
      'unknown key "Enable-Keyboard" (keys are case-sensitive) — did you mean "enable-keyboard"? (`strategy keys` lists the keys; --force sends it anyway, for clients newer than this server)',
    ]);
  });

  test("no hint when nothing is close", () => {
    expect(errorsOf({ "frobnicate-widgets": "Y" })).toEqual([
      'unknown key "frobnicate-widgets" (`strategy keys` lists the keys; --force sends it anyway, for clients newer than this server)',
    ]);
  });

  test("--force turns it into a warning and keeps the key, trimmed", () => {
    const r = lintOptions({ "enable-new-thing": " Y " }, { force: true });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'unknown key "enable-new-thing" (sent anyway: --force; a client that does not know it stores it and reads nothing from it)',
    ]);
    expect(r.options).toEqual({ "enable-new-thing": "Y" });
  });

  test("--force does not let through a malformed key, an empty value or a refused key", () => {
    expect(errorsOf({ "bad key": "Y", "new-key": "", "preset-user-name": "alice" }, { force: true })).toEqual([
      'invalid key "bad key": a key is 1-128 letters, digits and . _ - (see `strategy keys`)',
      "new-key: an empty value is not a setting; use `strategy unset` to stop managing new-key",
      "preset-user-name cannot be set by a strategy: it is a built-in option, read only from a custom client's build, never from the options a strategy sets",
    ]);
  });
});

describe("keys a strategy cannot set", () => {
  test.each([
    ["preset-user-name", "it is a built-in option, read only from a custom client's build, never from the options a strategy sets"],
    ["hide-tray", "it is a built-in option, read only from a custom client's build, never from the options a strategy sets"],
    ["default-connect-password", "it is a built-in option, read only from a custom client's build, never from the options a strategy sets"],
    ["allow-ask-for-note", "it is a local (per-user UI) option kept in LocalConfig, which a strategy does not reach"],
    ["enable-udp-punch", "it is a local (per-user UI) option kept in LocalConfig, which a strategy does not reach"],
    ["view_only", "it is a per-session display default kept apart from the options a strategy sets"],
    ["force-always-relay", "it is an option the controller keeps per remote peer, not an option of this device"],
    ["proxy-url", "the proxy is read only from a custom client's default or override settings, not from the options a strategy sets"],
    ["2fa", "it holds this device's own state (a secret or a piece of hardware), which must not be copied to a fleet"],
  ])("%s is refused, saying why", (key, why) => {
    expect(lintOptions({ [key]: "Y" }, { force: true, allowRepoint: true, allowStop: true }).errors).toEqual([
      { key, message: `${key} cannot be set by a strategy: ${why}` },
    ]);
  });
});

describe("values outside the key's domain", () => {
  test("the examples of the issue, each naming the key and what is allowed", () => {
    expect(errorsOf({ "enable-keyboard": "yes", whitelist: "10.0.0.300", "temporary-password-length": "7" })).toEqual([
      'enable-keyboard: "yes" is not allowed; allowed: Y or N (off only for N)',
      'whitelist: "10.0.0.300" is not an IP address or CIDR; allowed: comma-separated IPv4/IPv6 addresses or CIDRs (e.g. 10.0.0.0/8,2001:db8::/32), or 0.0.0.0 to turn the check off',
      'temporary-password-length: "7" is not allowed; allowed: one of 6, 8, 10',
    ]);
  });

  test("allow-* keys say the client turns them on only for Y", () => {
    expect(errorsOf({ "allow-auto-disconnect": "true" })).toEqual(['allow-auto-disconnect: "true" is not allowed; allowed: Y or N (on only for Y)']);
  });

  test("numbers: not a number, out of range", () => {
    expect(errorsOf({ "auto-disconnect-timeout": "ten", "direct-access-port": "70000" })).toEqual([
      'auto-disconnect-timeout: "ten" is not a whole number; allowed: a whole number 1-65535 (minutes)',
      "direct-access-port: 70000 is out of range; allowed: a whole number 1-65535 (TCP port)",
    ]);
  });

  test('"" is refused with a hint to unset, or to set the default explicitly', () => {
    expect(errorsOf({ "approve-mode": "", "enable-audio": "  " })).toEqual([
      "approve-mode: an empty value is not a setting; use `strategy unset` to stop managing approve-mode, or set one of password, click, password-click",
      "enable-audio: an empty value is not a setting; use `strategy unset` to stop managing enable-audio, or set Y or N (off only for N)",
    ]);
  });

  test("control characters and overlong values", () => {
    expect(errorsOf({ "preset-note": "a\nb", "preset-device-name": "x".repeat(256) })).toEqual([
      "preset-note: the value must be one line of at most 4096 characters, without control characters",
      "preset-device-name: the value is 256 characters long; allowed: text of at most 255 characters",
    ]);
  });

  test("values are trimmed and lists re-joined without blanks; keys with errors are left out", () => {
    const r = lintOptions({ "enable-keyboard": " N ", whitelist: " 10.0.0.1 , ,192.168.0.0/16 ", "id-whitelist": "123*, 9?9", "approve-mode": "both" });
    expect(r.options).toEqual({ "enable-keyboard": "N", whitelist: "10.0.0.1,192.168.0.0/16", "id-whitelist": "123*,9?9" });
    expect(r.errors.map((e) => e.key)).toEqual(["approve-mode"]);
  });
});

describe("keys that re-point or stop the device", () => {
  test("re-pointing keys are refused without allowRepoint, saying what they do", () => {
    expect(errorsOf({ "custom-rendezvous-server": "rd.example.com", "api-server": "https://other.example.com" })).toEqual([
      "custom-rendezvous-server re-points the device: the device registers with rd.example.com instead of its current ID server; refused unless --allow-repoint",
      "api-server re-points the device: the device sends its heartbeat to https://other.example.com and takes its strategies from there; unless that is this server, this server can no longer manage it; refused unless --allow-repoint",
    ]);
  });

  test("with allowRepoint they pass with the same explanation as a warning", () => {
    const r = lintOptions({ "relay-server": "relay.example.com:21117", "disable-udp": "Y" }, { allowRepoint: true });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { key: "relay-server", message: "relay-server re-points the device: the device relays its sessions through relay.example.com:21117" },
      { key: "disable-udp", message: "disable-udp re-points the device: the device reaches its servers over TCP only" },
    ]);
    expect(r.options).toEqual({ "relay-server": "relay.example.com:21117", "disable-udp": "Y" });
  });

  test("the value is checked before the gate", () => {
    expect(errorsOf({ key: "not-a-key" }, { allowRepoint: true })).toEqual([
      'key: "not-a-key" is not a base64 public key; allowed: the server\'s public key: base64 of 32 bytes, 44 characters ending in =',
    ]);
  });

  const STOP = "stop-service=Y stops the RustDesk service on the device: no sessions, and no heartbeat, so this server can no longer manage it (nor undo this)";

  test("stop-service=Y is refused unless allowStop, and warned with it", () => {
    expect(errorsOf({ "stop-service": "Y" })).toEqual([`${STOP}; refused unless --allow-stop`]);
    const r = lintOptions({ "stop-service": "Y" }, { allowStop: true });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([STOP]);
  });

  test("stop-service=N passes with a warning that it cannot restart a stopped device", () => {
    const r = lintOptions({ "stop-service": "N" });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      "stop-service=N does not restart a stopped device: a stopped service sends no heartbeat, so it never receives this",
    ]);
  });
});

describe("combinations that cannot work", () => {
  test("allow-hide-cm=Y needs approve-mode=password and use-permanent-password", () => {
    expect(warningsOf({ "allow-hide-cm": "Y", "approve-mode": "click" })).toEqual([
      "allow-hide-cm=Y has no effect unless approve-mode=password and verification-method=use-permanent-password (this strategy sets approve-mode=click, leaves verification-method to the device)",
    ]);
    expect(warningsOf({ "allow-hide-cm": "Y", "approve-mode": "password", "verification-method": "use-permanent-password" })).toEqual([]);
    expect(warningsOf({ "allow-hide-cm": "N" })).toEqual([]);
  });

  test("auto-disconnect-timeout needs allow-auto-disconnect=Y; direct-access-port needs direct-server=Y", () => {
    expect(warningsOf({ "auto-disconnect-timeout": "30", "direct-access-port": "21118", "direct-server": "N" })).toEqual([
      "auto-disconnect-timeout has no effect unless allow-auto-disconnect=Y (this strategy leaves allow-auto-disconnect to the device)",
      "direct-access-port has no effect unless direct-server=Y (this strategy sets direct-server=N)",
    ]);
    expect(warningsOf({ "auto-disconnect-timeout": "30", "allow-auto-disconnect": "Y", "direct-access-port": "21118", "direct-server": "Y" })).toEqual([]);
  });

  test("0.0.0.0 among other whitelist entries turns the check off", () => {
    expect(warningsOf({ whitelist: "10.0.0.0/8,0.0.0.0" })).toEqual(["whitelist: the entry 0.0.0.0 turns the check off, so the other entries have no effect"]);
    expect(warningsOf({ whitelist: "0.0.0.0" })).toEqual([]);
  });

  test("access-mode full or view overrides the enable-* permission keys", () => {
    expect(warningsOf({ "access-mode": "view", "enable-keyboard": "Y", "enable-audio": "N" })).toEqual([
      "access-mode=view overrides enable-keyboard, enable-audio on Flutter desktop clients: the enable-* permission keys apply there only with access-mode=custom",
    ]);
    expect(warningsOf({ "access-mode": "custom", "enable-keyboard": "N" })).toEqual([]);
  });

  test("temporary-password keys with use-permanent-password", () => {
    expect(warningsOf({ "verification-method": "use-permanent-password", "temporary-password-length": "8" })).toEqual([
      "temporary-password-length has no effect with verification-method=use-permanent-password: no temporary password is accepted",
    ]);
  });

  test("a key refused for its value takes no part in combinations", () => {
    expect(warningsOf({ "auto-disconnect-timeout": "0" })).toEqual([]);
  });
});
