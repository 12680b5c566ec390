// Kept below every feature (devices registers IDs, audit receives them) and importing nothing.
// What a device ID may be: what the client can end up with, nothing else (no bidi overrides,
// U+FFFD, emoji, spaces or control characters, which garble every listing). The client's three sources:
// - custom IDs: rustdesk@7423dced libs/hbb_common/src/lib.rs:257 `^[a-zA-Z][\w-]{5,15}$` (Rust's \w is Unicode);
// - generated IDs, decimal: rustdesk@7423dced libs/hbb_common/src/config.rs:1046;
// - allow-hostname-as-id, the host name with " " → "-": rustdesk@7423dced libs/hbb_common/src/config.rs:1026.
// So: Unicode word characters (letters, marks, digits, connector punctuation such as "_"), "-" and
// "." (host names), not starting with "-" or ".", 1–100 long.
const WORD = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}`;
const DEVICE_ID = new RegExp(`^[${WORD}][${WORD}.-]{0,99}$`, "u");

// Almost every ID is ASCII (generated IDs are digits): test that first, the Unicode classes only then (heartbeat path).
const ASCII_ID = /^[0-9A-Za-z_][0-9A-Za-z_.-]{0,99}$/;

export const isDeviceId = (v: unknown): v is string => typeof v === "string" && (ASCII_ID.test(v) || DEVICE_ID.test(v));

export const DEVICE_ID_RULE = 'letters, digits, "_", "-" and "." (not first), at most 100';
