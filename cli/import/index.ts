import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "import", description: "Import users, groups, address books and devices from another RustDesk API server's database" },
  subCommands: {
    lejianwen: () => import("./lejianwen.ts").then((m) => m.default),
    kingmo888: () => import("./kingmo888.ts").then((m) => m.default),
  },
});
