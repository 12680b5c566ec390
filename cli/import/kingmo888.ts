import { importCommand } from "./_command.ts";

export default importCommand("kingmo888", "Import from kingmo888/rustdesk-api-server: users (passwords kept), address books, devices", "db.sqlite3");
