import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "config", description: "Check, show or generate the configuration" },
  subCommands: {
    check: () => import("./check.ts").then((m) => m.default),
    dump: () => import("./dump.ts").then((m) => m.default),
    template: () => import("./template.ts").then((m) => m.default),
  },
});
