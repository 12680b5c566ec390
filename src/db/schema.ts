// The database schema: the source of truth for drizzle-kit migrations.
// Every entity has an integer primary key for joins and a UUID `guid` as its external id
// (RustDesk Server Pro's admin API addresses users, groups, devices and strategies by guid).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    status: integer("status").$type<UserStatus>().notNull().default(UserStatus.normal),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("users_name_nocase").on(sql`${t.name} collate nocase`),
    uniqueIndex("users_email_nocase").on(sql`${t.email} collate nocase`).where(sql`${t.email} <> ''`),
  ],
);

export type ActorType = "user" | "token" | "cli" | "system";

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
