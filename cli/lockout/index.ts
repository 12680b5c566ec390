import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "lockout", description: "Login lockouts after failed logins: list them, lift one (also while the server runs)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    clear: () => import("./clear.ts").then((m) => m.default),
  },
});
