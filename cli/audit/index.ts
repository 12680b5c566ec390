import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "audit", description: "Connection, file-transfer, alarm and console audit logs" },
  subCommands: {
    tail: () => import("./tail.ts").then((m) => m.default),
    export: () => import("./export.ts").then((m) => m.default),
  },
});
