// The keys a strategy can set: one line each, grouped as the client's settings page groups them.
// Exact strings: client: libs/hbb_common/src/config.rs:2850-3057 (rustdesk@7423dced) (keys::OPTION_*).
import type { Group, KeySpec } from "./types.ts";

const YN = ["Y", "N"] as const;
const enable = (key: string, group: Group, description: string): KeySpec => ({ key, kind: "enable", group, description, values: YN });
const allow = (key: string, group: Group, description: string): KeySpec => ({ key, kind: "allow", group, description, values: YN });
const text = (key: string, description: string, maxLength = 255): KeySpec => ({ key, kind: "text", group: "presets", description, maxLength });
const server = (key: string, format: KeySpec["format"], description: string): KeySpec => ({ key, kind: "server", group: "server", description, format, gate: "repoint" });

export const SETTABLE: readonly KeySpec[] = [
  // Flutter desktop reads access-mode first: full allows all, view none, anything else defers to the enable-* keys;
  // custom clients write "custom" for that (client: src/server/connection.rs:2441-2455 (rustdesk@7423dced),
  // client: flutter/lib/common.dart:4005 (rustdesk@7423dced)).
  { key: "access-mode", kind: "enum", group: "permissions", values: ["full", "view", "custom"], description: "Incoming sessions: full access, view (screen only) or custom (the enable-* keys)" },
  enable("enable-keyboard", "permissions", "Let the controller use keyboard and mouse"),
  enable("enable-clipboard", "permissions", "Let the controller use the clipboard"),
  enable("enable-file-transfer", "permissions", "Let the controller transfer files"),
  enable("enable-camera", "permissions", "Let the controller view the cameras"),
  enable("enable-terminal", "permissions", "Let the controller open a terminal"),
  enable("enable-remote-printer", "permissions", "Let the controller print to this device's printer"),
  enable("enable-audio", "permissions", "Send this device's sound to the controller"),
  enable("enable-tunnel", "permissions", "Let the controller open TCP tunnels (port forwarding)"),
  enable("enable-remote-restart", "permissions", "Let the controller restart this device"),
  enable("enable-record-session", "permissions", "Let the controller record the session"),
  enable("enable-block-input", "permissions", "Let the controller block this device's local input"),
  enable("enable-privacy-mode", "permissions", "Let the controller turn on privacy mode (black screen)"),

  allow("allow-remote-config-modification", "security", "Let the controller change this device's settings"),
  // Any other value means the default (client: libs/hbb_common/src/password_security.rs:42-92 (rustdesk@7423dced));
  // custom clients write password-click for both (client: flutter/lib/common.dart:4006 (rustdesk@7423dced)).
  { key: "approve-mode", kind: "enum", group: "security", values: ["password", "click", "password-click"], description: "Accept sessions by password, by click, or both (password-click, the default)" },
  { key: "verification-method", kind: "enum", group: "security", values: ["use-temporary-password", "use-permanent-password", "use-both-passwords"], description: "Which passwords are accepted: temporary, permanent or both (the default)" },
  { key: "temporary-password-length", kind: "enum", group: "security", values: ["6", "8", "10"], description: "Length of the temporary password (default 6)" },
  allow("allow-numeric-one-time-password", "security", "Temporary password of digits only"),
  // An entry 0.0.0.0 turns the check off; entries are split on "," and not trimmed
  // (client: src/server/connection.rs:1266-1292 (rustdesk@7423dced)).
  { key: "whitelist", kind: "ip-list", group: "security", description: "Accept sessions only from these IP addresses or CIDRs (alarm type 0)" },
  // client: src/server/connection.rs:6759-6785 (rustdesk@7423dced): * and ?, case-insensitive, also against id@server.
  { key: "id-whitelist", kind: "id-list", group: "security", description: "Accept sessions only from controllers whose ID matches (alarm type 10)" },
  allow("allow-auto-disconnect", "security", "Close idle incoming sessions after auto-disconnect-timeout"),
  // client: src/server/connection.rs:5331-5343 (rustdesk@7423dced): minutes, 0 or not a number means 10.
  { key: "auto-disconnect-timeout", kind: "number", group: "security", min: 1, max: 65535, unit: "minutes", description: "Idle minutes before an incoming session is closed (default 10)" },
  allow("allow-only-conn-window-open", "security", "Accept sessions only while the RustDesk window is open"),
  enable("enable-trusted-devices", "security", "Let controllers skip 2FA on devices they marked as trusted"),
  allow("allow-scope-violation-close", "security", "Close a session that leaves its permitted scope"),
  allow("allow-scope-violation-alarm", "security", "Raise an alarm (type 9) when a session leaves its permitted scope"),
  // client: libs/hbb_common/src/password_security.rs:88-92 (rustdesk@7423dced), and only with the PRO flag
  // (client: src/ipc.rs:932-938 (rustdesk@7423dced)).
  allow("allow-hide-cm", "security", "Hide the connection window (needs approve-mode=password and use-permanent-password)"),
  // get_bool_option: not enable-/allow-, so on unless "N" (client: src/server/connection.rs:6552-6554 (rustdesk@7423dced)).
  enable("keep-awake-during-incoming-sessions", "security", "Keep this device awake while a session is open"),

  enable("enable-lan-discovery", "network", "Answer LAN discovery so the device shows up on the local network"),
  // client: src/rendezvous_mediator.rs:832-849 (rustdesk@7423dced): the listener needs direct-server=Y; port ≤ 0 means 21118.
  allow("direct-server", "network", "Accept direct IP connections (on direct-access-port)"),
  { key: "direct-access-port", kind: "number", group: "network", min: 1, max: 65535, unit: "TCP port", description: "Port of direct IP access (default 21118)" },

  allow("allow-auto-record-incoming", "recording", "Record every incoming session"),
  // client: src/ui_interface.rs:928-963 (rustdesk@7423dced): used by the Windows service only, ignored unless absolute.
  { key: "windows-service-video-save-directory", kind: "text", group: "recording", format: "windows-path", maxLength: 260, description: "Where the Windows service saves recordings" },

  enable("enable-abr", "performance", "Adaptive bitrate"),
  enable("enable-hwcodec", "performance", "Hardware video encoding"),
  enable("enable-directx-capture", "performance", "DirectX screen capture (Windows)"),
  enable("enable-android-software-encoding-half-scale", "performance", "Half-scale software encoding (Android)"),
  allow("allow-remove-wallpaper", "performance", "Remove the wallpaper during incoming sessions"),
  allow("allow-always-software-render", "performance", "Always render the UI in software"),

  // client: libs/hbb_common/src/config.rs:910-931 (rustdesk@7423dced): a host without a port gets :21116.
  server("custom-rendezvous-server", "host", "ID server the device registers with"),
  server("relay-server", "host", "Relay server for sessions that cannot connect directly"),
  server("api-server", "url", "API server: login, address book, heartbeat and strategies"),
  // client: src/common.rs:2055-2071 (rustdesk@7423dced): base64 of a 32-byte public key.
  server("key", "public-key", "Public key of the ID server"),
  // client: libs/hbb_common/src/webrtc.rs:140-176 (rustdesk@7423dced): other schemes are dropped.
  server("ice-servers", "ice-urls", "STUN/TURN servers for WebRTC"),
  { key: "allow-websocket", kind: "allow", group: "server", values: YN, gate: "repoint", description: "Reach the servers over WebSocket instead of TCP/UDP" },
  // client: src/common.rs:2377 (rustdesk@7423dced) compares with "Y" (a disable- key, so not option2bool's rule).
  { key: "disable-udp", kind: "allow", group: "server", values: YN, gate: "repoint", description: "Use TCP only towards the servers (Y disables UDP)" },
  { key: "allow-insecure-tls-fallback", kind: "allow", group: "server", values: YN, gate: "repoint", description: "Fall back to unverified TLS when the certificate check fails" },

  text("preset-address-book-name", "Shared address book to add this device to (sent in sysinfo)"),
  text("preset-address-book-tag", "Tag for this device in that address book (sent in sysinfo)"),
  text("preset-address-book-alias", "Alias for this device in that address book (sent in sysinfo)"),
  text("preset-address-book-password", "Password stored with this device in that address book (sent in sysinfo)"),
  text("preset-address-book-note", "Note for this device in that address book (sent in sysinfo)", 1024),
  text("preset-device-username", "User name reported in sysinfo instead of the OS user"),
  text("preset-device-name", "Host name reported in sysinfo instead of the OS host name"),
  text("preset-note", "Device note reported in sysinfo", 1024),

  // client: src/hbbs_http/sync.rs:103 (rustdesk@7423dced): a stopped service sends no heartbeat.
  { key: "stop-service", kind: "allow", group: "service", values: YN, gate: "stop", description: "Stop the RustDesk service (Y): no sessions, no heartbeat" },
  allow("allow-auto-update", "service", "Install client updates automatically"),
];
