// Every config key, its default and its documentation. `rdconsole config template` prints this
// file as commented TOML, and the README's config reference is written from it.
import { providerList } from "./sso-providers.ts";
import { bool, cidrList, duration, int, list, listenAddress, oneOf, size, str, url, type Field } from "./fields.ts";

export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug", "trace"] as const;

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+$/;
const webhookList = (what: string) =>
  list({ default: [], doc: `URLs that get a signed JSON POST for ${what}.`, item: (s) => (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) ? s : null), itemHint: "not an http:// or https:// URL" });
const emailList = (what: string) => list({ default: [], doc: `Addresses e-mailed about ${what} (needs [smtp]).`, item: (s) => (EMAIL.test(s) ? s : null), itemHint: "not an e-mail address" });

export const configSchema = {
  server: {
    host: str({ default: "0.0.0.0", doc: "Address to listen on (0.0.0.0 = every IPv4 interface, :: = IPv4 and IPv6).", pattern: /^\S+$/, hint: "expected a host name or IP address" }),
    port: int({ default: 21114, min: 0, max: 65535, doc: "TCP port. 21114 is the port a RustDesk client derives from its ID server (hbbs port - 2)." }),
    public_url: url({ default: "", doc: 'Public base URL of this server, used in links (e.g. "https://rd.example.com"). Empty: derived from each request.' }),
    trusted_proxies: cidrList({ default: [], doc: 'Reverse proxies (IPs or CIDRs) whose X-Forwarded-For is believed, e.g. ["127.0.0.1/32", "10.0.0.0/8"].' }),
    cors_origins: list({ default: ["*"], doc: 'Origins allowed to call /api/* from a browser (the RustDesk web client). ["*"] = any; [] = none.' }),
    body_limit: size({ default: 1024 * 1024, min: 1024, max: 256 * 1024 * 1024, doc: 'Largest request body accepted, in bytes or with a unit ("1MiB"). Larger bodies get 413.' }),
    name: str({ default: "", doc: 'Name of this server shown by GET /api/server-info and the web console (e.g. "ACME support"). Empty: the host name of server.public_url, else "rdconsole".' }),
    public_info: bool({ default: true, doc: "Answer GET /api/server-info without sign-in: server name, version, API URL and login options (nothing secret). false: 404." }),
    shutdown_timeout: int({ default: 10, min: 0, max: 600, doc: "Seconds to wait for in-flight requests on SIGTERM/SIGINT before closing connections." }),
  },
  data: {
    dir: str({ default: "./data", doc: "Directory of the SQLite database and other state; created 0700. Relative paths in this file are resolved against the file's directory.", pattern: /\S/, hint: "expected a directory path" }),
    mmap_size: size({ default: 0, min: 0, max: 16 * 1024 * 1024 * 1024, doc: 'How much of the database file SQLite reads through a memory map ("0" = plain reads). Can speed up large listings; mapped pages count in RSS. Heartbeats read devices from memory and do not need it.' }),
  },
  log: {
    level: oneOf(LOG_LEVELS, { default: "info", doc: `Log level: ${LOG_LEVELS.join(", ")}.` }),
    format: oneOf(["pretty", "json"] as const, { default: "pretty", doc: "pretty (for people) or json (one JSON object per line, for log collectors)." }),
    requests: bool({ default: true, doc: "Log one line per HTTP request (method, path, status, duration, client IP; never bodies or tokens)." }),
    memory_lines: int({ default: 5000, min: 0, max: 100_000, doc: "The last this many log lines (at log.level) are kept in memory for GET /api/admin/log and the live event stream (0 = none)." }),
  },
  metrics: {
    listen: listenAddress({ default: "", doc: 'Address of a separate listener that serves Prometheus metrics at /metrics, "host:port" (e.g. "127.0.0.1:9114"; port 0 = any free port). Empty: off. Not on the main port, and unauthenticated: keep it on loopback or a private network.' }),
  },
  openapi: {
    enabled: bool({ default: true, doc: "Serve the API documentation at /openapi and the OpenAPI document at /openapi.json." }),
  },
  auth: {
    password_min_length: int({ default: 8, min: 6, max: 128, doc: "Minimum length of a user password." }),
    session_days: int({ default: 30, min: 1, max: 3650, doc: "A client login stays valid this many days after its last use (sliding)." }),
    console_session_hours: int({ default: 12, min: 1, max: 8760, doc: "A console (browser) sign-in stays valid this many hours after its last use (sliding)." }),
    max_sessions_per_user: int({ default: 20, min: 1, max: 1000, doc: "Live client logins per user; a new login past this revokes the oldest." }),
    totp_window: int({ default: 1, min: 0, max: 10, doc: "TOTP codes accepted this many 30-second steps before or after the current one." }),
    email_code_minutes: int({ default: 10, min: 1, max: 60, doc: "An e-mailed login code (and a pending TOTP step) expires after this many minutes." }),
    code_attempts: int({ default: 5, min: 1, max: 20, doc: "Wrong codes allowed for one login challenge before it is void." }),
    verify_new_devices: bool({ default: false, doc: "Ask users who have an e-mail address for an e-mailed code when they log in from a device they never used." }),
    secret_key: str({ default: "", secret: true, pattern: /^$|^[A-Za-z0-9+/]{43}=$/, hint: "expected 32 bytes in base64 (openssl rand -base64 32)", doc: "Key that encrypts TOTP secrets at rest (32 bytes, base64). Empty: a key generated in the data dir (secret.key, 0600)." }),
  },
  address_book: {
    max_peers: int({ default: 10_000, min: 0, max: 1_000_000, doc: "Peers per address book (the client is told and stops adding past it; 0 = unlimited)." }),
    max_tags: int({ default: 500, min: 1, max: 100_000, doc: "Tags per address book." }),
    max_shared_per_user: int({ default: 100, min: 0, max: 100_000, doc: "Shared address books one user may own." }),
  },
  devices: {
    registration: oneOf(["open", "approval", "closed"] as const, { default: "open", doc: "New devices: open (registered on first contact), approval (registered disabled until `device approve`), closed (only IDs an admin approved beforehand)." }),
    max: int({ default: 100_000, min: 1, max: 10_000_000, doc: "Most devices this server registers; past it new ones are refused (logged and audited)." }),
    registrations_per_ip_per_hour: int({ default: 120, min: 1, max: 1_000_000, doc: "New-device registrations accepted from one IP (IPv6: one /64) per hour." }),
    registrations_per_minute: int({ default: 300, min: 1, max: 1_000_000, doc: "New-device registrations accepted from all addresses together per minute (a forged X-Forwarded-For gets past the per-IP limit); more are told to try later, and the client retries after 120 s." }),
    offline_after_seconds: int({ default: 45, min: 5, max: 86_400, doc: "A device is online if it was heard from within this many seconds (the client beats every 15 s when idle)." }),
    sysinfo_max_age_hours: int({ default: 24, min: 1, max: 8760, doc: "Ask a device to upload its system info again when the stored copy is older than this." }),
    flush_ms: int({ default: 1000, min: 50, max: 60_000, doc: "Presence (last seen, IP, live connections) is kept in memory and written in one transaction this often, and on shutdown." }),
  },
  audit: {
    device_posts_per_minute: int({ default: 120, min: 1, max: 1_000_000, doc: "Audit posts (connection, file, alarm) accepted from one device per minute, and session notes from one IP; more get 429 (the client retries)." }),
    posts_per_minute: int({ default: 6000, min: 1, max: 10_000_000, doc: "Audit posts accepted from all devices together per minute (spent per second): the most the audit tables can grow by." }),
    conn_days: int({ default: 365, min: 0, max: 36_500, doc: "Days connection records are kept (0 = forever); purged hourly in small batches." }),
    file_days: int({ default: 365, min: 0, max: 36_500, doc: "Days file-transfer records are kept (0 = forever)." }),
    alarm_days: int({ default: 365, min: 0, max: 36_500, doc: "Days alarm records are kept (0 = forever)." }),
    console_days: int({ default: 0, min: 0, max: 36_500, doc: "Days console-audit rows (admin and login actions) are kept (0 = forever)." }),
  },
  recording: {
    enabled: bool({ default: false, doc: "Accept session recordings uploaded by devices (POST /api/record). Off by default: stock clients never upload (the uploader is switched off in their source), and the uploader sends no credentials." }),
    device_quota: size({ default: 2 * 1024 ** 3, min: 0, max: 2 ** 50, doc: 'Disk space the recordings of one device may take ("2GiB"); uploads past it are refused.' }),
    total_quota: size({ default: 20 * 1024 ** 3, min: 0, max: 2 ** 50, doc: "Disk space all recordings together may take." }),
    min_free: size({ default: 1024 ** 3, min: 0, max: 2 ** 50, doc: "Free space kept on the data dir's disk: uploads that would leave less are refused." }),
    max_files_per_device: int({ default: 1000, min: 1, max: 1_000_000, doc: "Recordings kept per device; a new one past it is refused until some are deleted." }),
    max_files: int({ default: 100_000, min: 1, max: 10_000_000, doc: "Recordings kept in all; a new one past it is refused until some are deleted." }),
    max_part: size({ default: 64 * 1024 ** 2, min: 1024 ** 2, max: 128 * 1024 ** 2, doc: "Largest single upload (the client sends what is new since its last part, at least 1 MiB a second)." }),
    days: int({ default: 90, min: 0, max: 36_500, doc: "Days a recording is kept after its last upload (0 = forever); purged hourly." }),
  },
  notify: {
    alarm_webhooks: webhookList("alarms a device reports (failed-login bursts, whitelist rejects, …)"),
    alarm_emails: emailList("alarms"),
    lockout_webhooks: webhookList("login lockouts (an account or an IP locked out after failed logins)"),
    lockout_emails: emailList("login lockouts"),
    device_webhooks: webhookList("new devices (registered, or waiting for approval)"),
    device_emails: emailList("new devices"),
    backup_webhooks: webhookList("scheduled backups that failed"),
    backup_emails: emailList("failed scheduled backups"),
    webhook_secret: str({ default: "", secret: true, doc: "Key of the HMAC-SHA256 signature every webhook carries (X-Rdconsole-Signature-256: sha256=<hex of the body>). Required when a webhook is set." }),
    per_minute: int({ default: 120, min: 1, max: 100_000, doc: "Events of each kind notified per minute at most; more are dropped (and logged once a minute)." }),
    queue_size: int({ default: 1000, min: 1, max: 1_000_000, doc: "Deliveries waiting or being retried at most; past it new ones are dropped." }),
    retries: int({ default: 5, min: 0, max: 20, doc: "Retries of a failed delivery, 2 s after the first failure and twice as long after each next (at most 5 minutes apart)." }),
    timeout_seconds: int({ default: 10, min: 1, max: 120, doc: "Time one webhook call may take." }),
  },
  sso: {
    providers: providerList({ doc: 'Single sign-on providers, one [[sso.providers]] table each: name (what the client sends as "op"), kind ("oidc" by discovery, or "github"), issuer, client_id, client_secret, and optionally label, icon (SVG), scopes, auto_create, link_by_email, allowed_domains, allowed_groups, groups_claim, admin_groups, api_url (GitHub Enterprise). The redirect URIs to register: <server.public_url>/oidc/callback/<name> (the client) and <server.public_url>/api/admin/login/sso/<name>/callback (the web console).' }),
    max_pending: int({ default: 1000, min: 1, max: 100_000, doc: "SSO logins in progress at most (each expires after 5 minutes); past it new ones are refused." }),
    max_pending_per_ip: int({ default: 20, min: 1, max: 100_000, doc: "SSO logins in progress from one IP (IPv6: one /64) at most." }),
  },
  lockout: {
    ip_failures: int({ default: 10, min: 1, max: 10000, doc: "Failed logins or codes from one IP within window_minutes before that IP is locked out." }),
    account_failures: int({ default: 5, min: 1, max: 10000, doc: "Failed logins or codes for one account within window_minutes before the account is locked out." }),
    window_minutes: int({ default: 15, min: 1, max: 1440, doc: "Sliding window in which failures are counted." }),
    minutes: int({ default: 15, min: 1, max: 1440, doc: "How long a lockout lasts (answers 429 without checking the password)." }),
    ban_after: int({ default: 3, min: 0, max: 1000, doc: "An IP locked out this many times within a day is banned from every endpoint (0 = never)." }),
    ban_hours: int({ default: 24, min: 1, max: 8760, doc: "How long an automatic ban lasts." }),
  },
  rustdesk: {
    id_server: str({ default: "", doc: 'The ID server (hbbs) clients are given by `client-config` and the install lines, "host" or "host:port".', pattern: /^[^\s/"'\\]*$/, hint: "expected a host name or host:port" }),
    relay_server: str({ default: "", doc: "The relay server (hbbr) clients are given; empty: the client derives it from the ID server.", pattern: /^[^\s/"'\\]*$/, hint: "expected a host name or host:port" }),
    key: str({ default: "", pattern: /^$|^[A-Za-z0-9+/]{43}=$/, hint: "expected hbbs's public key: 32 bytes in base64, the content of id_ed25519.pub", doc: "hbbs's public key (the content of its id_ed25519.pub). Empty: read from key_file, else from /var/lib/rustdesk-server/id_ed25519.pub when that exists." }),
    key_file: str({ default: "", pattern: /^$|^\//, hint: "expected an absolute path", doc: "Absolute path of hbbs's id_ed25519.pub, read when key is empty." }),
  },
  backup: {
    dir: str({ default: "", doc: "Directory of backup archives (`rdconsole backup`, scheduled backups, the admin API's list and download); created 0700. Empty: <data dir>/backups; a relative path is taken from the data dir." }),
    interval: duration({ default: 0, min: 60_000, max: 365 * 86_400_000, doc: 'How often the server takes a backup by itself, e.g. "24h" or "7d" (counted from the newest archive in backup.dir, so a restart does not postpone it). "" or "0" = never.' }),
    keep: int({ default: 7, min: 0, max: 100_000, doc: "Archives kept in backup.dir after a scheduled backup: the oldest past this count are deleted (0 = keep all)." }),
    with_recordings: bool({ default: false, doc: "Scheduled backups include the session recordings (they can be large)." }),
  },
  smtp: {
    host: str({ default: "", doc: "SMTP server for e-mailed login codes. Empty: e-mail is off.", pattern: /^\S*$/, hint: "expected a host name" }),
    port: int({ default: 587, min: 1, max: 65535, doc: "SMTP port (587 submission with STARTTLS, 465 implicit TLS, 25 plain)." }),
    security: oneOf(["starttls", "tls", "none"] as const, { default: "starttls", doc: "starttls (required), tls (implicit, usually port 465) or none (loopback relays only)." }),
    user: str({ default: "", doc: "SMTP user name; empty = no authentication." }),
    password: str({ default: "", secret: true, doc: "SMTP password." }),
    from: str({ default: "", doc: 'Sender address, e.g. "rdconsole <rdconsole@example.com>". Required when host is set.' }),
    timeout_seconds: int({ default: 10, min: 1, max: 120, doc: "Connect and send timeout." }),
  },
} satisfies Record<string, Record<string, Field<unknown>>>;

export type ConfigSchema = typeof configSchema;

/** Rules that involve more than one key; each returns a problem or null. */
export const crossChecks: ((c: Config) => string | null)[] = [
  (c) => (c.smtp.host && !c.smtp.from ? "smtp.from: required when smtp.host is set" : null),
  (c) => ((c.notify.alarm_webhooks.length || c.notify.lockout_webhooks.length || c.notify.device_webhooks.length || c.notify.backup_webhooks.length) && !c.notify.webhook_secret ? "notify.webhook_secret: required when a webhook is set" : null),
  (c) => (c.rustdesk.key && c.rustdesk.key_file ? "rustdesk.key and rustdesk.key_file: set one, not both" : null),
  (c) => ((c.notify.alarm_emails.length || c.notify.lockout_emails.length || c.notify.device_emails.length || c.notify.backup_emails.length) && !c.smtp.host ? "notify: e-mail recipients need smtp.host" : null),
];
type ValueOf<F> = F extends Field<infer T> ? T : never;
export type Config = {
  readonly [S in keyof ConfigSchema]: { readonly [K in keyof ConfigSchema[S]]: ValueOf<ConfigSchema[S][K]> };
};
export type SectionName = keyof ConfigSchema;

export function eachField(schema: Record<string, Record<string, Field<unknown>>> = configSchema) {
  return Object.entries(schema).flatMap(([section, fields]) =>
    Object.entries(fields).map(([key, field]) => ({ section, key, path: `${section}.${key}`, field })),
  );
}

export const envName = (section: string, key: string) => `RDCONSOLE_${section}_${key}`.toUpperCase();
