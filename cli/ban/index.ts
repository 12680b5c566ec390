import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "ban", description: "IP bans (refused on every endpoint)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    add: () => import("./add.ts").then((m) => m.default),
    remove: () => import("./remove.ts").then((m) => m.default),
  },
});
