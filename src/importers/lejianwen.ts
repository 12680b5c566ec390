// lejianwen/rustdesk-api (Go, gorm): tables named by gorm's default (snake_case plural of the model,
// model/*.go). Per-user books are address_books rows with collection_id 0; "collections" are shared
// books with rules (type 1 user, 2 group; rule 1 read, 2 read/write, 3 full: the same scale as ours).
import type { Database } from "bun:sqlite";
import type { PeerInput } from "../addressbook/peers.ts";
import { colour, readTable, requireSchema, str, truthy, type Row, type Skip, type Snapshot, type SourceBook } from "./source.ts";

const PEER_COLUMNS = ["id", "username", "password", "hostname", "alias", "platform", "tags", "hash", "user_id", "force_always_relay", "rdp_port", "rdp_username", "login_name", "collection_id"];

/** tags is gorm's AutoJson: a JSON array as text. */
function tagList(v: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(str(v) || "[]");
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string" && t !== "") : [];
  } catch {
    return [];
  }
}

function peerOf(r: Row): PeerInput {
  return {
    id: str(r.id),
    username: str(r.username),
    hostname: str(r.hostname),
    alias: str(r.alias),
    platform: str(r.platform),
    tags: tagList(r.tags),
    hash: str(r.hash),
    password: str(r.password),
    ...(truthy(r.force_always_relay) ? { forceAlwaysRelay: "true" } : {}),
    ...(str(r.rdp_port) ? { rdpPort: str(r.rdp_port) } : {}),
    ...(str(r.rdp_username) ? { rdpUsername: str(r.rdp_username) } : {}),
    ...(str(r.login_name) ? { loginName: str(r.login_name) } : {}),
  };
}

export function readLejianwen(db: Database, file: string): Snapshot {
  requireSchema(db, file, "lejianwen", { users: ["id", "username", "password", "group_id"], address_books: ["row_id", "id", "user_id", "hash"] });
  const skipped: Skip[] = [];
  const users = readTable(db, "users", ["id", "username", "password", "nickname", "email", "group_id", "is_admin", "status"]).map((r) => ({
    key: str(r.id),
    name: str(r.username),
    email: str(r.email),
    displayName: str(r.nickname),
    // Accounts not logged in to since lejianwen moved to bcrypt still hold its salted MD5 (32 hex digits).
    passwordHash: /^[0-9a-f]{32}$/.test(str(r.password)) ? `lejianwen-md5$${str(r.password)}` : str(r.password),
    isAdmin: truthy(r.is_admin),
    disabled: Number(r.status) === 2,
    group: Number(r.group_id) > 0 ? str(r.group_id) : undefined,
  }));
  const known = new Set(users.map((u) => u.key));
  const groups = readTable(db, "groups", ["id", "name"]).map((r) => ({ key: str(r.id), name: str(r.name) }));
  const deviceGroups = readTable(db, "device_groups", ["id", "name"]).map((r) => ({ key: str(r.id), name: str(r.name) }));

  const books = new Map<string, SourceBook>();
  for (const u of users) books.set(`u${u.key}`, { personal: true, owner: u.key, name: "", tags: [], peers: [], rules: [] });
  for (const c of readTable(db, "address_book_collections", ["id", "user_id", "name"])) {
    if (!known.has(str(c.user_id))) skipped.push({ kind: "book", name: str(c.name), reason: `owner (user id ${str(c.user_id)}) not in the source` });
    else books.set(`c${str(c.id)}`, { personal: false, owner: str(c.user_id), name: str(c.name), tags: [], peers: [], rules: [] });
  }
  const bookOf = (r: Row) => (Number(r.collection_id) > 0 ? books.get(`c${str(r.collection_id)}`) : books.get(`u${str(r.user_id)}`));
  for (const r of readTable(db, "address_books", PEER_COLUMNS)) {
    const book = bookOf(r);
    if (book) book.peers.push(peerOf(r));
    else skipped.push({ kind: "peer", name: str(r.id), reason: `its book (user ${str(r.user_id)}, collection ${str(r.collection_id) || "0"}) is not in the source` });
  }
  for (const r of readTable(db, "tags", ["name", "user_id", "color", "collection_id"])) bookOf(r)?.tags.push({ name: str(r.name), color: colour(r.color) });
  for (const r of readTable(db, "address_book_collection_rules", ["collection_id", "rule", "type", "to_id"])) {
    const book = books.get(`c${str(r.collection_id)}`);
    if (!book) continue;
    book.rules.push(Number(r.type) === 2 ? { group: str(r.to_id), rule: Number(r.rule) } : { user: str(r.to_id), rule: Number(r.rule) });
  }

  const devices = readTable(db, "peers", ["id", "cpu", "hostname", "memory", "os", "username", "uuid", "version", "user_id", "group_id", "alias"]).map((r) => ({
    rdId: str(r.id),
    uuid: str(r.uuid),
    owner: Number(r.user_id) > 0 ? str(r.user_id) : undefined,
    group: Number(r.group_id) > 0 ? str(r.group_id) : undefined,
    alias: str(r.alias),
    sysinfo: Object.fromEntries(["cpu", "hostname", "memory", "os", "username", "version"].filter((k) => str(r[k])).map((k) => [k, str(r[k])])),
  }));
  // A user's empty personal book is not worth creating.
  const kept = [...books.values()].filter((b) => !b.personal || b.peers.length || b.tags.length);
  return { server: "lejianwen", users, groups, deviceGroups, books: kept, devices, skipped };
}
