// Keys a strategy cannot set, and why. The client would store them in its Config options all the same
// (client: src/hbbs_http/sync.rs:287-304 (rustdesk@7423dced)), where nothing reads them — or, for the device's
// own state, where they would overwrite a secret; so the lint refuses them by name.
import type { RefusedKey, RefusedReason } from "./types.ts";

const of = (reason: RefusedReason, keys: readonly string[]): RefusedKey[] => keys.map((key) => ({ key, reason }));

// keys::KEYS_BUILDIN_SETTINGS, read from BUILTIN_SETTINGS only (client: libs/hbb_common/src/config.rs:3198-3233 (rustdesk@7423dced),
// client: src/common.rs:2334-2341 (rustdesk@7423dced)).
const BUILT_IN = [
  "display-name", "avatar", "preset-device-group-name", "preset-user-name", "preset-strategy-name",
  "remove-preset-password-warning", "hide-security-settings", "hide-network-settings", "hide-server-settings",
  "hide-proxy-settings", "hide-remote-printer-settings", "hide-websocket-settings", "hide-stop-service",
  "hide-username-on-card", "hide-help-cards", "default-connect-password", "hide-tray", "one-way-clipboard-redirection",
  "allow-logon-screen-password", "allow-deep-link-password", "allow-deep-link-server-settings", "one-way-file-transfer",
  "allow-https-21114", "allow-hostname-as-id", "register-device", "hide-powered-by-me", "main-window-always-on-top",
  "file-transfer-max-files", "disable-change-permanent-password", "disable-change-id", "disable-unlock-pin",
  "use-raw-tcp-for-api", "enable-perm-change-in-accept-window", "allow-command-line-settings-when-settings-disabled",
];

// keys::KEYS_LOCAL_SETTINGS (client: libs/hbb_common/src/config.rs:3092-3134 (rustdesk@7423dced)), plus LocalConfig keys
// read directly: enable-check-update (client: src/common.rs:947-948 (rustdesk@7423dced)), the login token and user
// (client: src/client.rs:3625 (rustdesk@7423dced)) and the strategy's own timestamp (client: src/hbbs_http/sync.rs:242-259 (rustdesk@7423dced)).
const LOCAL = [
  "theme", "lang", "enable-confirm-closing-tabs", "enable-open-new-connections-in-tabs", "use-texture-render",
  "allow-d3d-render", "sync-ab-with-recent-sessions", "sync-ab-tags", "filter-ab-by-intersection",
  "remote-menubar-drag-left", "remote-menubar-drag-right", "hideAbTagsPanel", "remoteMenubarState", "peer-sorting",
  "peer-tab-index", "peer-tab-order", "peer-tab-visible", "peer-card-ui-type", "current-ab-name",
  "disable-floating-window", "floating-window-size", "floating-window-untouchable", "floating-window-transparency",
  "floating-window-svg", "keep-screen-on", "keep-awake-during-outgoing-sessions", "disable-group-panel",
  "disable-discovery-panel", "pre-elevate-service", "allow-remote-cm-modification", "allow-auto-record-outgoing",
  "hide-recording-button", "video-save-directory", "enable-udp-punch", "enable-ipv6-punch", "touch-mode",
  "show-virtual-mouse", "show-virtual-joystick", "enable-flutter-http-on-rust", "allow-ask-for-note",
  "enable-check-update", "access_token", "user_info", "strategy_timestamp",
];

// keys::KEYS_DISPLAY_SETTINGS less touch-mode, listed as local above
// (client: libs/hbb_common/src/config.rs:3060-3090 (rustdesk@7423dced)).
const DISPLAY = [
  "view_only", "show_monitors_toolbar", "collapse_toolbar", "show_remote_cursor", "follow_remote_cursor",
  "follow_remote_window", "zoom-cursor", "show_quality_monitor", "disable_audio", "enable-file-copy-paste",
  "disable_clipboard", "lock_after_session_end", "privacy_mode", "i444", "reverse_mouse_wheel", "swap-left-right-mouse",
  "displays_as_individual_windows", "use_all_my_displays_for_the_remote_session", "view_style", "terminal-persistent",
  "scroll_style", "edge-scroll-edge-thickness", "image_quality", "custom_image_quality", "custom-fps",
  "codec-preference", "sync-init-clipboard", "trackpad-speed",
];

export const REFUSED: readonly RefusedKey[] = [
  ...of("built-in", BUILT_IN),
  ...of("local", LOCAL),
  ...of("display", DISPLAY),
  // A PeerConfig option (client: src/client.rs:1873-1874 (rustdesk@7423dced)).
  ...of("peer", ["force-always-relay"]),
  // Not real Config keys: client: libs/hbb_common/src/config.rs:1473-1543 (rustdesk@7423dced).
  ...of("custom-client", ["proxy-url", "proxy-username", "proxy-password"]),
  // The TOTP secret and Telegram bot (client: src/auth_2fa.rs:97-143 (rustdesk@7423dced)), the audio devices
  // (client: src/ipc.rs:743-744 (rustdesk@7423dced)).
  ...of("device-state", ["2fa", "bot", "audio-input", "voice-call-input"]),
];
