// Small databases of the two servers rdconsole imports from, with their real schemas written from the public
// model definitions (table and column names as each ORM derives them), and realistic rows.
import { Database } from "bun:sqlite";
import { createHash, pbkdf2Sync, randomBytes } from "node:crypto";
import { join } from "node:path";
import { tempDir } from "../helpers/env.ts";

// lejianwen/rustdesk-api, gorm defaults (snake_case plural tables, snake_case columns), one table per model file.
const LEJIANWEN_SCHEMA = `
-- model/user.go: User (IdModel, TimeModel); email is in newer releases
CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, username text NOT NULL DEFAULT '', email text NOT NULL DEFAULT '', password text NOT NULL DEFAULT '',
  nickname text NOT NULL DEFAULT '', avatar text NOT NULL DEFAULT '', group_id integer NOT NULL DEFAULT 0, is_admin numeric NOT NULL DEFAULT 0,
  status integer NOT NULL DEFAULT 1, created_at timestamp, updated_at timestamp);
CREATE UNIQUE INDEX idx_users_username ON users(username);
-- model/group.go: Group (type 1 default, 2 share) and DeviceGroup
CREATE TABLE groups (id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL DEFAULT '', type integer NOT NULL DEFAULT 1, created_at timestamp, updated_at timestamp);
CREATE TABLE device_groups (id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL DEFAULT '', created_at timestamp, updated_at timestamp);
-- model/addressBook.go: AddressBook (tags: AutoJson text), AddressBookCollection, AddressBookCollectionRule
CREATE TABLE address_books (row_id integer PRIMARY KEY AUTOINCREMENT, id text NOT NULL DEFAULT 0, username text NOT NULL DEFAULT '', password text NOT NULL DEFAULT '',
  hostname text NOT NULL DEFAULT '', alias text NOT NULL DEFAULT '', platform text NOT NULL DEFAULT '', tags text NOT NULL, hash text NOT NULL DEFAULT '',
  user_id integer NOT NULL DEFAULT 0, force_always_relay numeric NOT NULL DEFAULT 0, rdp_port text NOT NULL DEFAULT '', rdp_username text NOT NULL DEFAULT '',
  online numeric NOT NULL DEFAULT 0, login_name text NOT NULL DEFAULT '', same_server numeric NOT NULL DEFAULT 0, collection_id integer NOT NULL DEFAULT 0,
  created_at timestamp, updated_at timestamp);
CREATE TABLE address_book_collections (id integer PRIMARY KEY AUTOINCREMENT, user_id integer NOT NULL DEFAULT 0, name text NOT NULL DEFAULT '', created_at timestamp, updated_at timestamp);
CREATE TABLE address_book_collection_rules (id integer PRIMARY KEY AUTOINCREMENT, user_id integer NOT NULL DEFAULT 0, collection_id integer NOT NULL DEFAULT 0,
  rule integer NOT NULL DEFAULT 0, type integer NOT NULL DEFAULT 1, to_id integer NOT NULL DEFAULT 0, created_at timestamp, updated_at timestamp);
-- model/tag.go: Tag (color: Flutter's 32-bit ARGB)
CREATE TABLE tags (id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL DEFAULT '', user_id integer NOT NULL DEFAULT 0, color integer NOT NULL DEFAULT 0,
  collection_id integer NOT NULL DEFAULT 0, created_at timestamp, updated_at timestamp);
-- model/peer.go: Peer (the devices that reported sysinfo)
CREATE TABLE peers (row_id integer PRIMARY KEY AUTOINCREMENT, id text NOT NULL DEFAULT '', cpu text NOT NULL DEFAULT '', hostname text NOT NULL DEFAULT '',
  memory text NOT NULL DEFAULT '', os text NOT NULL DEFAULT '', username text NOT NULL DEFAULT '', uuid text NOT NULL DEFAULT '', version text NOT NULL DEFAULT '',
  user_id integer NOT NULL DEFAULT 0, last_online_time integer NOT NULL DEFAULT 0, last_online_ip text NOT NULL DEFAULT '', group_id integer NOT NULL DEFAULT 0,
  alias text NOT NULL DEFAULT '', created_at timestamp, updated_at timestamp);
-- model/userThird.go: UserThird (OAuth links; not imported)
CREATE TABLE user_thirds (id integer PRIMARY KEY AUTOINCREMENT, user_id integer NOT NULL DEFAULT 0, open_id text NOT NULL DEFAULT '', union_id text NOT NULL DEFAULT '',
  third_type text NOT NULL DEFAULT '', op text NOT NULL DEFAULT '', created_at timestamp, updated_at timestamp);
`;

export const BOB_PASSWORD = "bob-old-password";
export const FRANK_PASSWORD = "frank-from-2024";
export const DAVE_PASSWORD = "dave-django-pass";

/** lejianwen: bob (bcrypt), frank (the MD5 of releases before bcrypt), carol (disabled admin), alice (clashes with rdconsole's alice), groups, a collection with rules, devices. */
export async function lejianwenDb(): Promise<string> {
  const file = join(tempDir(), "rustdeskapi.db");
  const db = new Database(file);
  db.run(LEJIANWEN_SCHEMA);
  const bcrypt = (await Bun.password.hash(BOB_PASSWORD, { algorithm: "bcrypt", cost: 4 })).replace(/^\$2b\$/, "$2a$"); // Go writes $2a$
  const now = "2025-03-01 10:00:00";
  db.run(`INSERT INTO groups (id, name, type, created_at) VALUES (1, '默认组', 1, ?), (2, 'Sales', 2, ?)`, [now, now]);
  db.run(`INSERT INTO device_groups (id, name, created_at) VALUES (1, 'Lab', ?)`, [now]);
  db.run(`INSERT INTO users (id, username, email, password, nickname, group_id, is_admin, status) VALUES
    (1, 'bob', 'bob@example.com', ?, 'Bob B.', 2, 0, 1), (2, 'carol', '', ?, 'Carol', 1, 1, 2), (3, 'alice', 'alice@old.example', ?, '', 1, 0, 1),
    (4, 'bad name!', '', '', '', 1, 0, 1), (5, 'frank', '', ?, '', 0, 0, 1)`, [bcrypt, bcrypt, bcrypt, createHash("md5").update(`${FRANK_PASSWORD}rustdesk-api`).digest("hex")]);
  db.run(`INSERT INTO address_books (id, username, password, hostname, alias, platform, tags, hash, user_id, force_always_relay, rdp_port, collection_id) VALUES
    ('111222333', 'bob', '', 'BOB-PC', 'Home', 'Windows', '["home","vip"]', 'aGFzaA==', 1, 1, '3389', 0),
    ('444555666', 'root', '', 'srv1', '', 'Linux', '[]', '', 1, 0, '', 0),
    ('777888999', 'ops', 'shared-pw', 'db1', 'Database', 'Linux', '["prod"]', '', 1, 0, '', 1),
    ('123123123', 'x', '', 'alice-laptop', '', 'Mac OS', '[]', '', 3, 0, '', 0),
    ('999000111', 'x', '', '', '', '', '[]', '', 42, 0, '', 0)`);
  db.run(`INSERT INTO tags (name, user_id, color, collection_id) VALUES ('home', 1, 4280391411, 0), ('vip', 1, 4294198070, 0), ('prod', 1, 4294924066, 1)`);
  db.run(`INSERT INTO address_book_collections (id, user_id, name) VALUES (1, 1, 'Servers')`);
  db.run(`INSERT INTO address_book_collection_rules (user_id, collection_id, rule, type, to_id) VALUES (1, 1, 2, 1, 2), (1, 1, 1, 2, 2), (1, 1, 1, 1, 99)`);
  db.run(`INSERT INTO peers (id, cpu, hostname, memory, os, username, uuid, version, user_id, group_id, alias, last_online_time) VALUES
    ('111222333', 'Intel i5', 'BOB-PC', '16GB', 'windows / Windows 11', 'bob', 'Ym9iLXBjLXV1aWQ=', '1.3.7', 1, 1, 'Bob desktop', 1740823200),
    ('555666777', 'ARM', 'kiosk', '4GB', 'linux / Debian 12', 'kiosk', 'a2lvc2stdXVpZA==', '1.3.2', 0, 0, '', 0)`);
  db.close();
  return file;
}

/** Django's pbkdf2_sha256 encoding, as django.contrib.auth.hashers writes it. */
export function djangoHash(password: string, iterations = 20_000): string {
  const salt = randomBytes(16).toString("base64url").replace(/[-_]/g, "x").slice(0, 22);
  return `pbkdf2_sha256$${iterations}$${salt}$${pbkdf2Sync(password, salt, iterations, 32, "sha256").toString("base64")}`;
}

// kingmo888/rustdesk-api-server, Django: <app>_<model> tables, from api/migrations/0001_initial.py and later
// migrations (api/models_user.py: UserProfile with expire_at; api/models_work.py: RustDeskPeer, RustDeskTag, RustDesDevice with ip_address and owner).
const KINGMO888_SCHEMA = `
CREATE TABLE "api_userprofile" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL,
  "is_superuser" bool NOT NULL, "username" varchar(50) NOT NULL UNIQUE, "rid" varchar(16) NOT NULL, "uuid" varchar(60) NOT NULL, "autoLogin" bool NOT NULL,
  "rtype" varchar(20) NOT NULL, "deviceInfo" text NOT NULL, "is_active" bool NOT NULL, "is_admin" bool NOT NULL, "expire_at" datetime NULL);
CREATE TABLE "api_rustdeskpeer" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uid" varchar(16) NOT NULL, "rid" varchar(60) NOT NULL, "username" varchar(20) NOT NULL,
  "hostname" varchar(30) NOT NULL, "alias" varchar(30) NOT NULL, "platform" varchar(30) NOT NULL, "tags" varchar(30) NOT NULL, "rhash" varchar(60) NOT NULL);
CREATE TABLE "api_rustdesktag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uid" varchar(16) NOT NULL, "tag_name" varchar(60) NOT NULL, "tag_color" varchar(60) NOT NULL);
CREATE TABLE "api_rustdesdevice" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "rid" varchar(60) NOT NULL, "cpu" varchar(100) NOT NULL, "hostname" varchar(100) NOT NULL,
  "memory" varchar(100) NOT NULL, "os" varchar(100) NOT NULL, "uuid" varchar(100) NOT NULL, "username" varchar(100) NOT NULL, "version" varchar(100) NOT NULL,
  "create_time" datetime NOT NULL, "update_time" datetime NOT NULL, "ip_address" varchar(100) NOT NULL, "owner" varchar(100) NOT NULL);
CREATE TABLE "api_rustdesktoken" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "username" varchar(20) NOT NULL, "rid" varchar(16) NOT NULL, "uid" varchar(16) NOT NULL,
  "uuid" varchar(60) NOT NULL, "access_token" varchar(60) NOT NULL, "create_time" datetime NOT NULL);
`;

/** kingmo888: dave (pbkdf2_sha256, superuser), erin (unusable password), a legacy book with comma-joined tags, a device owned by dave. */
export function kingmo888Db(): string {
  const file = join(tempDir(), "db.sqlite3");
  const db = new Database(file);
  db.run(KINGMO888_SCHEMA);
  const t = "2024-09-01 08:00:00";
  db.run(`INSERT INTO api_userprofile (id, password, is_superuser, username, rid, uuid, autoLogin, rtype, deviceInfo, is_active, is_admin) VALUES
    (1, ?, 1, 'dave', '', '', 1, '', '', 1, 1), (2, '!Xk2unusable', 0, 'erin', '', '', 1, '', '', 0, 0)`, [djangoHash(DAVE_PASSWORD)]);
  db.run(`INSERT INTO api_rustdeskpeer (uid, rid, username, hostname, alias, platform, tags, rhash) VALUES
    ('1', '222333444', 'dave', 'DAVE-PC', 'Office', 'Windows', 'work,pc', 'ZGF2ZQ=='), ('1', '333444555', 'root', 'nas', '', 'Linux', '', ''),
    ('7', '666777888', 'ghost', 'gone', '', 'Linux', '', '')`);
  db.run(`INSERT INTO api_rustdesktag (uid, tag_name, tag_color) VALUES ('1', 'work', '4280391411'), ('1', 'pc', '')`);
  db.run(`INSERT INTO api_rustdesdevice (rid, cpu, hostname, memory, os, uuid, username, version, create_time, update_time, ip_address, owner) VALUES
    ('222333444', 'AMD Ryzen', 'DAVE-PC', '32GB', 'windows / Windows 10', 'ZGF2ZS11dWlk', 'dave', '1.2.3', ?, ?, '10.0.0.5', 'dave')`, [t, t]);
  db.close();
  return file;
}
