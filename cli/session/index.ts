import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "session", description: "Client logins (access tokens)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    revoke: () => import("./revoke.ts").then((m) => m.default),
  },
});
