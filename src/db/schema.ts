// The database schema: the source of truth for drizzle-kit migrations.
// Every entity has an integer primary key for joins and a UUID `guid` as its external id
// (RustDesk Server Pro's admin API addresses users, groups, devices and strategies by guid).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
  (t) => [index("console_audit_created_at").on(t.createdAt), index("console_audit_action").on(t.action)],
);

/** What the client reports about itself at login (client-contract §2.1: os, type, name). */
export interface DeviceInfo {
  os?: string;
  type?: string;
  name?: string;
}

/** Client login sessions: one access token each, stored only as its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guid: guid(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
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

/** A pending second login step (TOTP or e-mail code): the client echoes `secret`; only its hash is kept. */
export const loginChallenges = sqliteTable(
  "login_challenges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    secretHash: text("secret_hash").notNull().unique(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"totp" | "email">().notNull(),
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
