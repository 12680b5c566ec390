import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "smtp", description: "Outgoing e-mail" },
  subCommands: { test: () => import("./test.ts").then((m) => m.default) },
});
