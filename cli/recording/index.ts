import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "recording", description: "Session recordings uploaded by devices (POST /api/record)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    get: () => import("./get.ts").then((m) => m.default),
    delete: () => import("./delete.ts").then((m) => m.default),
  },
});
