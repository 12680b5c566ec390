// The database schema: the source of truth for drizzle-kit migrations.
// Every entity has an integer primary key for joins and a UUID `guid` as its external id
// (RustDesk Server Pro's admin API addresses users, groups, devices and strategies by guid: client: res/users.py:77-94 (rustdesk@7423dced)).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

const guid = () =>
  text("guid")
    .notNull()
    .unique()
    .$defaultFn(() => Bun.randomUUIDv7());

/** User status as RustDesk's user payload carries it: 1 normal, 0 disabled, -1 unverified (invited). */
export const UserStatus = { normal: 1, disabled: 0, unverified: -1 } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text("name").notNull(),
    displayName: text("display_name").notNull().default(""),
    email: text("email").notNull().default(""),
    note: text("note").notNull().default(""),
    /** argon2id (Bun.password); null for accounts that cannot log in with a password. */
    passwordHash: text("password_hash"),
    isAdmin: integer("is_admin", { mode: "boolean" }).notNull().default(false),
    /** Every password login must also answer a code sent by e-mail. */
    emailVerification: integer("email_verification", { mode: "boolean" }).notNull().default(false),
    status: integer("status").$type<UserStatus>().notNull().default(UserStatus.normal),
    /** The strategy for this user's devices (below a device's own, above its device group's). */
    strategyId: integer("strategy_id").references((): AnySQLiteColumn => strategies.id, { onDelete: "set null" }),
    /** An administrator asked this user to set up TOTP (Pro's "2FA enforcement": client: res/users.py:130-139 (rustdesk@7423dced)). */
    totpEnforced: integer("totp_enforced", { mode: "boolean" }).notNull().default(false),
    /** Where the enforcing administrator said TOTP is set up (the Pro call's `url`); "" = ask the administrator. */
    totpEnforceUrl: text("totp_enforce_url").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("users_name_nocase").on(sql`${t.name} collate nocase`),
    uniqueIndex("users_email_nocase").on(sql`${t.email} collate nocase`).where(sql`${t.email} <> ''`),
  ],
);

export type ActorType = "user" | "token" | "cli" | "system" | "anonymous";

/** Console audit: who changed what. Written in the same transaction as the change. */
export const consoleAudit = sqliteTable(
  "console_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    createdAt: integer("created_at").notNull(),
    actorType: text("actor_type").$type<ActorType>().notNull(),
    /** Names, not foreign keys: the trail outlives deleted users. */
    actorGuid: text("actor_guid"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetGuid: text("target_guid"),
    targetName: text("target_name"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
  },
  // (action, created_at): the dashboard counts one action in a time window (logins in 24 h) from the index alone.
  (t) => [index("console_audit_created_at").on(t.createdAt), index("console_audit_action").on(t.action), index("console_audit_action_time").on(t.action, t.createdAt)],
);

/** What the client reports about itself at login (os, type, name): client: src/ui_interface.rs:1327-1334 (rustdesk@7423dced). */
export interface DeviceInfo {
  os?: string;
  type?: string;
  name?: string;
}

/** What a session is for: a RustDesk client's Bearer token, or a browser's console sign-in (a cookie). */
export type SessionKind = "client" | "console";

/** Login sessions (client and console): one secret each, stored only as its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** A client token is never a console cookie, nor the other way round. */
    kind: text("kind").$type<SessionKind>().notNull().default("client"),
    deviceId: text("device_id").notNull().default(""),
    deviceUuid: text("device_uuid").notNull().default(""),
    deviceInfo: text("device_info", { mode: "json" }).$type<DeviceInfo>().notNull().default({}),
    ip: text("ip"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires_at").on(t.expiresAt)],
);

/**
 * A pending second login step (TOTP or e-mail code): the client echoes `secret`
 * (client: flutter/lib/common/widgets/login.dart:1019 (rustdesk@7423dced)); only its hash is kept.
 */
export const loginChallenges = sqliteTable(
  "login_challenges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    secretHash: text("secret_hash").notNull().unique(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"totp" | "email">().notNull(),
    /** The kind of session the step leads to: a client's challenge cannot finish a console sign-in. */
    sessionKind: text("session_kind").$type<SessionKind>().notNull().default("client"),
    deviceId: text("device_id").notNull().default(""),
    deviceUuid: text("device_uuid").notNull().default(""),
    deviceInfo: text("device_info", { mode: "json" }).$type<DeviceInfo>().notNull().default({}),
    /** SHA-256 of the e-mailed code; null for TOTP. */
    codeHash: text("code_hash"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("login_challenges_user").on(t.userId), index("login_challenges_expires_at").on(t.expiresAt)],
);

/** A user's TOTP authenticator; the secret is encrypted with the server's secret key. */
export const userTotp = sqliteTable("user_totp", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEnc: text("secret_enc").notNull(),
  /** Until confirmed with a first code the authenticator is not required at login. */
  confirmedAt: integer("confirmed_at"),
  /** The last accepted time step: a code is accepted once (replay guard). */
  lastTimeStep: integer("last_time_step").notNull().default(0),
  createdAt: integer("created_at").notNull(),
});

/** Single-use recovery codes, stored as SHA-256. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("recovery_codes_user").on(t.userId)],
);

/** Devices a user has completed a login from (for "verify logins from new devices"). */
export const userDevices = sqliteTable(
  "user_devices",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deviceUuid: text("device_uuid").notNull(),
    deviceId: text("device_id").notNull().default(""),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastLoginAt: integer("last_login_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceUuid] })],
);

/** Banned IP addresses or CIDR ranges; they apply to every endpoint. */
export const bans = sqliteTable(
  "bans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    cidr: text("cidr").notNull(),
    comment: text("comment").notNull().default(""),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    /** null: until removed. */
    expiresAt: integer("expires_at"),
  },
  (t) => [index("bans_expires_at").on(t.expiresAt)],
);

/** User groups (RustDesk Server Pro's model: a user is in at most one group, client: res/users.py:98-106 (rustdesk@7423dced)). */
export const userGroups = sqliteTable(
  "user_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text("name").notNull(),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("user_groups_name_nocase").on(sql`${t.name} collate nocase`)],
);

/** Group membership; the primary key on user_id keeps a user in one group at most. */
export const userGroupMembers = sqliteTable(
  "user_group_members",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => userGroups.id, { onDelete: "cascade" }),
  },
  (t) => [index("user_group_members_group").on(t.groupId)],
);

/** Address books: one personal book per user (created on demand) and any number of shared ones. */
export const addressBooks = sqliteTable(
  "address_books",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personal: integer("personal", { mode: "boolean" }).notNull(),
    /** "" for personal books (the client names them itself: client: flutter/lib/models/ab_model.dart:161-162 (rustdesk@7423dced)). */
    name: text("name").notNull().default(""),
    note: text("note").notNull().default(""),
    /** Shared books: the book-wide default connect password (client reads info.password). */
    password: text("password").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("address_books_personal_owner").on(t.ownerId).where(sql`${t.personal} = 1`),
    uniqueIndex("address_books_shared_name_nocase").on(sql`${t.name} collate nocase`).where(sql`${t.personal} = 0`),
  ],
);

/** Extra peer fields the client may send and expects back: client: flutter/lib/models/peer_model.dart:42-46 (rustdesk@7423dced). */
export interface PeerExtra {
  forceAlwaysRelay?: string;
  rdpPort?: string;
  rdpUsername?: string;
  loginName?: string;
  device_group_name?: string;
}

export const abPeers = sqliteTable(
  "ab_peers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    abId: integer("ab_id")
      .notNull()
      .references(() => addressBooks.id, { onDelete: "cascade" }),
    /** The RustDesk ID. */
    peerId: text("peer_id").notNull(),
    alias: text("alias").notNull().default(""),
    note: text("note").notNull().default(""),
    /** Personal books: base64(SHA256(password ‖ salt)), opaque to the server. */
    hash: text("hash").notNull().default(""),
    /** Shared books: a plaintext connect password. */
    password: text("password").notNull().default(""),
    username: text("username").notNull().default(""),
    hostname: text("hostname").notNull().default(""),
    platform: text("platform").notNull().default(""),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
    extra: text("extra", { mode: "json" }).$type<PeerExtra>().notNull().default({}),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  // (ab_id, id): pages are read in insertion order; without it every page sorts the whole book.
  (t) => [uniqueIndex("ab_peers_book_peer").on(t.abId, t.peerId), index("ab_peers_book_order").on(t.abId, t.id)],
);

export const abTags = sqliteTable(
  "ab_tags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    abId: integer("ab_id")
      .notNull()
      .references(() => addressBooks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** 32-bit ARGB as the client sends it (client: flutter/lib/models/ab_model.dart:1842 (rustdesk@7423dced); up to 4294967295: SQLite integers are 64-bit). */
    color: integer("color").notNull(),
  },
  (t) => [uniqueIndex("ab_tags_book_name").on(t.abId, t.name)],
);

/** Who may use a shared book: a user, a user group, or everyone (both null). 1 read, 2 read/write, 3 full. */
export const abRules = sqliteTable(
  "ab_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    abId: integer("ab_id")
      .notNull()
      .references(() => addressBooks.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    groupId: integer("group_id").references(() => userGroups.id, { onDelete: "cascade" }),
    rule: integer("rule").$type<1 | 2 | 3>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("ab_rules_user").on(t.abId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex("ab_rules_group").on(t.abId, t.groupId).where(sql`${t.groupId} is not null`),
    uniqueIndex("ab_rules_everyone").on(t.abId).where(sql`${t.userId} is null and ${t.groupId} is null`),
  ],
);

/** What a device reports in POST /api/sysinfo (client: src/hbbs_http/sync.rs:125-178 (rustdesk@7423dced)), kept as sent (bounded). */
export type Sysinfo = Record<string, string>;

/** Device groups: a device is in at most one. */
export const deviceGroups = sqliteTable(
  "device_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text("name").notNull(),
    note: text("note").notNull().default(""),
    /** The strategy for this group's devices that have none of their own or of their owner. */
    strategyId: integer("strategy_id").references((): AnySQLiteColumn => strategies.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("device_groups_name_nocase").on(sql`${t.name} collate nocase`)],
);

/** RustDesk devices, identified by their RustDesk ID and (trust on first use) their uuid. */
export const devices = sqliteTable(
  "devices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    /** The RustDesk ID. */
    rdId: text("rd_id").notNull().unique(),
    /** base64 machine uid; "" until the first contact of a pre-registered device. */
    uuid: text("uuid").notNull().default(""),
    ownerId: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    groupId: integer("group_id").references(() => deviceGroups.id, { onDelete: "set null" }),
    /** The device's own strategy: it wins over its owner's and its group's. */
    strategyId: integer("strategy_id").references((): AnySQLiteColumn => strategies.id, { onDelete: "set null" }),
    alias: text("alias").notNull().default(""),
    note: text("note").notNull().default(""),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Registered under the approval policy and not approved yet. */
    pending: integer("pending", { mode: "boolean" }).notNull().default(false),
    sysinfo: text("sysinfo", { mode: "json" }).$type<Sysinfo>().notNull().default({}),
    sysinfoAt: integer("sysinfo_at"),
    /** The OS user name an enrolment set (by rustdesk --assign --device_username): shown instead of sysinfo's. */
    deviceUsername: text("device_username").notNull().default(""),
    /** The device's Ed25519 public key, base64 of 32 bytes, recorded by rustdesk --deploy; null until then. */
    pk: text("pk"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  // devices_pending: partial, so the dashboard's "waiting for approval" is counted from a handful of entries, not 100,000 rows.
  (t) => [index("devices_owner").on(t.ownerId), index("devices_group").on(t.groupId), index("devices_pending").on(t.pending).where(sql`${t.pending} = 1`),
    // devices_strategy: the few devices with a strategy of their own (the dashboard's rollout checks for any; deleting a strategy finds its devices).
    index("devices_strategy").on(t.strategyId).where(sql`${t.strategyId} is not null`),
  ],
);

/**
 * Soft state of a device, flushed in batches (src/devices/presence.ts): last heartbeat or sysinfo,
 * from where, and the live connections. A narrow table of its own: a flush rewrites whole pages,
 * and in the devices table each page held ~10 devices instead of ~100 (fleet of 100,000: a 500-row
 * chunk took 28 ms instead of 4). No index on last_seen_at for the same reason; a row per device
 * is created by a trigger (migration 0006).
 */
export const devicePresence = sqliteTable("device_presence", {
  deviceId: integer("device_id")
    .primaryKey()
    .references(() => devices.id, { onDelete: "cascade" }),
  lastSeenAt: integer("last_seen_at"),
  lastIp: text("last_ip"),
  /** Connection ids the device last reported as live (heartbeat `conns`). */
  conns: text("conns", { mode: "json" }).$type<number[]>().notNull().default([]),
});

/** What a user group may see besides itself: other user groups and device groups. */
export const groupAccess = sqliteTable(
  "group_access",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => userGroups.id, { onDelete: "cascade" }),
    /** Exactly one of the two is set. */
    userGroupId: integer("user_group_id").references(() => userGroups.id, { onDelete: "cascade" }),
    deviceGroupId: integer("device_group_id").references(() => deviceGroups.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("group_access_user_group").on(t.groupId, t.userGroupId).where(sql`${t.userGroupId} is not null`),
    uniqueIndex("group_access_device_group").on(t.groupId, t.deviceGroupId).where(sql`${t.deviceGroupId} is not null`),
  ],
);

/**
 * What a single user may see besides what their group may (Pro's access rules of type 2): the members of a
 * user group (and their devices), or the devices of a device group.
 */
export const userAccess = sqliteTable(
  "user_access",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Exactly one of the two is set. */
    userGroupId: integer("user_group_id").references(() => userGroups.id, { onDelete: "cascade" }),
    deviceGroupId: integer("device_group_id").references(() => deviceGroups.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("user_access_user").on(t.userId),
    uniqueIndex("user_access_user_group").on(t.userGroupId, t.userId).where(sql`${t.userGroupId} is not null`),
    uniqueIndex("user_access_device_group").on(t.deviceGroupId, t.userId).where(sql`${t.deviceGroupId} is not null`),
  ],
);

/** Connections an admin asked to cut; sent in the device's next heartbeats until it stops reporting them. */
export const deviceDisconnects = sqliteTable(
  "device_disconnects",
  {
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    connId: integer("conn_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.connId] })],
);

/**
 * Counters bumped by triggers (migration 0006) when something an in-memory cache depends on
 * changes, whoever changes it (this process or the CLI). "heartbeat": devices' rd_id/uuid/enabled,
 * device deletes, bans and queued disconnects (src/devices/known.ts).
 */
export const stateVersions = sqliteTable("state_versions", {
  name: text("name").primaryKey(),
  n: integer("n").notNull().default(0),
});

/**
 * One incoming connection to a device, merged from its audit events: "new" (socket opened,
 * client: src/server/connection.rs:1370-1377 (rustdesk@7423dced)), authorised (peer, type, auth;
 * client: src/server/connection.rs:1762-1769 (rustdesk@7423dced)) and "close" (client: src/server/connection.rs:1090-1092 (rustdesk@7423dced));
 * plus the controller's note (client: src/ui_session_interface.rs:2067 (rustdesk@7423dced),
 * client: flutter/lib/common/widgets/dialog.dart:1661-1664 (rustdesk@7423dced)).
 * Kept when the device is deleted (rd_id, no foreign key): the trail outlives the device.
 */
export const connAudit = sqliteTable(
  "conn_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    rdId: text("rd_id").notNull(),
    /** The device as registered then; null once it is deleted (a re-registered ID is another device). */
    deviceId: integer("device_id").references(() => devices.id, { onDelete: "set null" }),
    connId: integer("conn_id").notNull(),
    /** u64 as decimal text: it can exceed 2^63, and JSON numbers lose precision past 2^53. */
    sessionId: text("session_id").notNull().default("0"),
    peerId: text("peer_id"),
    peerName: text("peer_name"),
    /** 0 remote, 1 file transfer, 2 port forward / RDP, 3 view camera, 4 terminal. */
    connType: integer("conn_type"),
    /** 1 click-approve, 2 temporary password, 3 permanent password, 4 switch sides. */
    primaryAuth: integer("primary_auth"),
    /** 1 TOTP, 2 trusted device. */
    twoFactor: integer("two_factor"),
    ip: text("ip"),
    connAuditRef: text("conn_audit_ref"),
    note: text("note").notNull().default(""),
    openedAt: integer("opened_at").notNull(),
    authorizedAt: integer("authorized_at"),
    closedAt: integer("closed_at"),
    updatedAt: integer("updated_at").notNull(),
    /** Bumped past every other record's at each change: `audit tail --follow` reads changes in order. */
    seq: integer("seq").notNull(),
  },
  (t) => [
    index("conn_audit_conn").on(t.rdId, t.connId),
    index("conn_audit_session").on(t.rdId, t.sessionId),
    index("conn_audit_opened").on(t.openedAt),
    uniqueIndex("conn_audit_seq").on(t.seq),
    index("conn_audit_device").on(t.deviceId),
  ],
);

/** A file transfer (client: src/server/connection.rs:1458-1468 (rustdesk@7423dced)). `info` decoded; `infoRaw` kept when it would not decode. */
export const fileAudit = sqliteTable(
  "file_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    rdId: text("rd_id").notNull(),
    connId: integer("conn_id"),
    peerId: text("peer_id"),
    peerName: text("peer_name"),
    /** 0: this device sent (the controller downloaded); 1: this device received. */
    direction: integer("direction").notNull(),
    path: text("path").notNull().default(""),
    isFile: integer("is_file", { mode: "boolean" }).notNull().default(false),
    files: text("files", { mode: "json" }).$type<[string, number][]>().notNull().default([]),
    fileCount: integer("file_count"),
    ip: text("ip"),
    infoRaw: text("info_raw"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("file_audit_created").on(t.createdAt), index("file_audit_device").on(t.rdId)],
);

/** An alarm a device raised (client: src/server/connection.rs:1483-1494 (rustdesk@7423dced)). */
export const alarmAudit = sqliteTable(
  "alarm_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    rdId: text("rd_id").notNull(),
    connId: integer("conn_id"),
    typ: integer("typ").notNull(),
    info: text("info", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    infoRaw: text("info_raw"),
    ip: text("ip"),
    connAuditRef: text("conn_audit_ref"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("alarm_audit_created").on(t.createdAt), index("alarm_audit_device").on(t.rdId)],
);

/** Nonces of accepted device audit posts: a retried post is answered 200 and not stored twice. */
export const auditNonces = sqliteTable(
  "audit_nonces",
  {
    nonce: text("nonce").primaryKey(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("audit_nonces_created").on(t.createdAt)],
);

/**
 * Session recordings uploaded by devices (POST /api/record). The bytes live in the data dir under
 * recordings/<path>; the row is what quotas, listings and retention read. A recording outlives its
 * device (device_id set null): it is evidence.
 */
export const recordings = sqliteTable(
  "recordings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    deviceId: integer("device_id").references(() => devices.id, { onDelete: "set null" }),
    rdId: text("rd_id").notNull(),
    file: text("file").notNull(),
    /** Relative to <data dir>/recordings. */
    path: text("path").notNull().unique(),
    size: integer("size").notNull().default(0),
    /** Set by the client's final `tail` upload (client: src/hbbs_http/record_upload.rs:177-193 (rustdesk@7423dced)). */
    complete: integer("complete", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("recordings_device").on(t.deviceId), index("recordings_updated").on(t.updatedAt)],
);

/** A user's identity at an SSO provider: issuer + subject, which never change (an e-mail address may). */
export const ssoIdentities = sqliteTable(
  "sso_identities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The configured provider's name when the link was made (informational: issuer + subject match). */
    provider: text("provider").notNull(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    email: text("email").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    lastLoginAt: integer("last_login_at"),
  },
  (t) => [uniqueIndex("sso_identities_subject").on(t.issuer, t.subject), index("sso_identities_user").on(t.userId)],
);

/**
 * Strategies: client option keys → string values pushed to devices through the heartbeat
 * (src/strategies/). Assigned through devices.strategy_id, users.strategy_id and
 * device_groups.strategy_id; at most one is the server's default.
 */
export const strategies = sqliteTable(
  "strategies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text("name").notNull(),
    note: text("note").notNull().default(""),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    options: text("options", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    /** Re-sent every N hours so that a local edit on the device does not stick; null: only on change. */
    reapplyHours: integer("reapply_hours"),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("strategies_name_nocase").on(sql`${t.name} collate nocase`), uniqueIndex("strategies_one_default").on(t.isDefault).where(sql`${t.isDefault} = 1`)],
);

/**
 * What this server last sent a device's strategy settings as, and what the device confirmed (its
 * heartbeat echoed the `modified_at` stamp). Written by the heartbeat only when something changes.
 */
export const deviceStrategyState = sqliteTable("device_strategy_state", {
  deviceId: integer("device_id")
    .primaryKey()
    .references(() => devices.id, { onDelete: "cascade" }),
  /** Keys this server may have set on the device: they are sent with "" once they leave its strategy. */
  keys: text("keys", { mode: "json" }).$type<string[]>().notNull().default([]),
  sentStamp: integer("sent_stamp"),
  sentOptions: text("sent_options", { mode: "json" }).$type<Record<string, string>>(),
  sentAt: integer("sent_at"),
  confirmedStamp: integer("confirmed_stamp"),
  confirmedAt: integer("confirmed_at"),
});

/**
 * Login lockouts in force (src/auth/lockout-store.ts): written by the server when a source or an
 * account is locked out, listed and cleared by the CLI (another process), read by the server at
 * every login attempt. Bounded: expired rows go at each insert, and at most MAX_KEYS are kept.
 */
export const loginLockouts = sqliteTable(
  "login_lockouts",
  {
    /** "ip" (the abuse subject: the address, or its /64 for IPv6) or "account" (lower-case name). */
    kind: text("kind", { enum: ["ip", "account"] }).notNull(),
    subject: text("subject").notNull(),
    lockedAt: integer("locked_at").notNull(),
    lockedUntil: integer("locked_until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subject] }), index("login_lockouts_until").on(t.lockedUntil)],
);

/** What an API token may do per area (src/tokens/scopes.ts): "r" read, "rw" read and write. */
export type TokenScopes = Partial<Record<"devices" | "users" | "groups" | "strategies" | "address_books" | "audit" | "enrol" | "admin", "r" | "rw">>;

/** What an enrolment key sets up on the devices it enrols (names, checked when the key is created). */
export interface EnrolPresets {
  user?: string;
  device_group?: string;
  strategy?: string;
  address_book?: string;
  ab_tag?: string;
  ab_alias?: string;
  ab_note?: string;
  ab_password?: string;
  note?: string;
}

/**
 * API tokens and enrolment keys (src/tokens/): only the SHA-256 of the secret is kept. A token acts for
 * its owner, an administrator; a deleted owner leaves the token ownerless, and an ownerless token is refused.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["api", "enrol"] }).notNull().default("api"),
    /** The first characters after `rdc_`: shown in lists, so a leaked token can be told apart. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes", { mode: "json" }).$type<TokenScopes>().notNull().default({}),
    ownerId: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    presets: text("presets", { mode: "json" }).$type<EnrolPresets>().notNull().default({}),
    /** null: unlimited. */
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    /** Enrolment: the presets win over what the command line asks for. */
    lock: integer("lock", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    /** null: never. */
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_name_nocase").on(sql`${t.name} collate nocase`), index("api_tokens_prefix").on(t.prefix), index("api_tokens_owner").on(t.ownerId)],
);

/** What one enrolment (by rustdesk --assign or --deploy) did, for `token enrolments`: kept when the device is deleted. */
export const tokenEnrolments = sqliteTable(
  "token_enrolments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenId: integer("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    deviceId: integer("device_id").references(() => devices.id, { onDelete: "set null" }),
    /** The RustDesk ID as enrolled (the device row may be gone or renamed). */
    rdId: text("rd_id").notNull(),
    kind: text("kind", { enum: ["assign", "deploy"] }).notNull(),
    at: integer("at").notNull(),
    ip: text("ip"),
    /** What it set: field → value (names as stored; the book's password masked). */
    set: text("set", { mode: "json" }).$type<Record<string, string | boolean>>().notNull().default({}),
  },
  (t) => [index("token_enrolments_token").on(t.tokenId, t.id)],
);

/** Invitations (Pro's users/invite): a one-time link to set a password; only the SHA-256 of its secret is kept. */
export const userInvites = sqliteTable(
  "user_invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("user_invites_user").on(t.userId)],
);

/**
 * How many devices were online, sampled every 5 minutes by the server (src/jobs/online-samples.ts) for the
 * dashboard's chart; kept 30 days. `at` is the start of the 5-minute slot, so a restart never samples a slot twice.
 */
export const onlineSamples = sqliteTable("online_samples", {
  at: integer("at").primaryKey(),
  online: integer("online").notNull(),
  /** Devices registered then: the chart's ceiling. */
  total: integer("total").notNull(),
});

/**
 * Settings changed from the admin API or `rdconsole settings set`: dotted key → value (JSON, as parsed).
 * Laid over the config file, under the environment and flags (src/config/layers.ts).
 */
export const consoleSettings = sqliteTable("console_settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: integer("updated_at").notNull(),
  updatedBy: text("updated_by").notNull(),
});

export const NOTIFICATION_TYPES = ["webhook", "email"] as const;

/** Notification targets managed at runtime, next to the read-only ones of the [notify] config. */
export const notificationTargets = sqliteTable(
  "notification_targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    type: text("type", { enum: NOTIFICATION_TYPES }).notNull(),
    /** The webhook's URL ("" for e-mail). */
    url: text("url").notNull().default(""),
    emails: text("emails", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** The webhook's HMAC key ("" for e-mail). */
    secret: text("secret").notNull().default(""),
    /** Event kinds sent to it (src/notify/events.ts). */
    kinds: text("kinds", { mode: "json" }).$type<string[]>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("notification_targets_name_nocase").on(sql`${t.name} collate nocase`)],
);
