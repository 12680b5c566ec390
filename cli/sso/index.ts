import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "sso", description: "Single sign-on providers ([[sso.providers]] in the config)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    test: () => import("./test.ts").then((m) => m.default),
  },
});
