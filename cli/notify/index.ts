import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "notify", description: "Notifications of alarms, lockouts and new devices (webhooks, e-mail)" },
  subCommands: {
    test: () => import("./test.ts").then((m) => m.default),
  },
});
