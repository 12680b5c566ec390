import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "settings", description: "Settings saved in the database (over the config file; a running server picks them up)" },
  subCommands: {
    get: () => import("./get.ts").then((m) => m.default),
    set: () => import("./set.ts").then((m) => m.default),
    unset: () => import("./unset.ts").then((m) => m.default),
  },
});
