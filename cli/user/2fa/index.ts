import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "2fa", description: "Two-factor authentication (TOTP) of a user" },
  subCommands: {
    enable: () => import("./enable.ts").then((m) => m.default),
    disable: () => import("./disable.ts").then((m) => m.default),
    reset: () => import("./reset.ts").then((m) => m.default),
  },
});
