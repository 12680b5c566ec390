import { importCommand } from "./_command.ts";

export default importCommand("lejianwen", "Import from lejianwen/rustdesk-api: users (passwords kept), groups, address books and collections, devices, device groups", "its SQLite file, e.g. data/rustdeskapi.db");
