// kingmo888/rustdesk-api-server (Django): tables are <app>_<model> (api/models_user.py, api/models_work.py).
// Its books are the legacy kind: one per user, peers keyed by the user's id (uid, a string), tags comma-joined.
import type { Database } from "bun:sqlite";
import { colour, readTable, requireSchema, str, truthy, type Skip, type Snapshot, type SourceBook } from "./source.ts";

export function readKingmo888(db: Database, file: string): Snapshot {
  requireSchema(db, file, "kingmo888", { api_userprofile: ["id", "username", "password", "is_admin"], api_rustdeskpeer: ["uid", "rid", "tags", "rhash"] });
  const skipped: Skip[] = [];
  const users = readTable(db, "api_userprofile", ["id", "username", "password", "is_active", "is_admin", "is_superuser"]).map((r) => ({
    key: str(r.id),
    name: str(r.username),
    email: "",
    displayName: "",
    passwordHash: str(r.password),
    isAdmin: truthy(r.is_admin) || truthy(r.is_superuser),
    disabled: r.is_active !== undefined && !truthy(r.is_active),
  }));
  const books = new Map<string, SourceBook>(users.map((u) => [u.key, { personal: true, owner: u.key, name: "", tags: [], peers: [], rules: [] }]));
  for (const r of readTable(db, "api_rustdeskpeer", ["uid", "rid", "username", "hostname", "alias", "platform", "tags", "rhash"])) {
    const book = books.get(str(r.uid));
    if (!book) {
      skipped.push({ kind: "peer", name: str(r.rid), reason: `its user (id ${str(r.uid)}) is not in the source` });
      continue;
    }
    const tags = str(r.tags).split(",").map((t) => t.trim()).filter(Boolean);
    book.peers.push({ id: str(r.rid), username: str(r.username), hostname: str(r.hostname), alias: str(r.alias), platform: str(r.platform), tags, hash: str(r.rhash) });
  }
  for (const r of readTable(db, "api_rustdesktag", ["uid", "tag_name", "tag_color"])) books.get(str(r.uid))?.tags.push({ name: str(r.tag_name), color: colour(r.tag_color) });

  const byName = new Map(users.map((u) => [u.name.toLowerCase(), u.key]));
  const byKey = new Set(users.map((u) => u.key));
  // owner (migration 0008) is free text: a user name or id when set.
  const ownerOf = (v: string) => byName.get(v.toLowerCase()) ?? (byKey.has(v) ? v : undefined);
  const devices = readTable(db, "api_rustdesdevice", ["rid", "cpu", "hostname", "memory", "os", "uuid", "username", "version", "owner"])
    .filter((r) => str(r.rid))
    .map((r) => ({
      rdId: str(r.rid),
      uuid: str(r.uuid),
      owner: str(r.owner) ? ownerOf(str(r.owner)) : undefined,
      alias: "",
      sysinfo: Object.fromEntries(["cpu", "hostname", "memory", "os", "username", "version"].filter((k) => str(r[k])).map((k) => [k, str(r[k])])),
    }));
  const kept = [...books.values()].filter((b) => b.peers.length || b.tags.length);
  return { server: "kingmo888", users, groups: [], deviceGroups: [], books: kept, devices, skipped };
}
