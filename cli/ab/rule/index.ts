import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "rule", description: "Grant or revoke access to a shared book" },
  subCommands: {
    set: () => import("./set.ts").then((m) => m.default),
    remove: () => import("./remove.ts").then((m) => m.default),
  },
});
