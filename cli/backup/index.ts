import { defineCommand } from "citty";
import { createArgs } from "./_args.ts";

export default defineCommand({
  meta: { name: "backup", description: "Back up the database, secret.key and optionally the recordings while the server runs (bare `backup` = `backup create`)" },
  args: createArgs,
  default: "create",
  subCommands: {
    create: () => import("./create.ts").then((m) => m.default),
    list: () => import("./list.ts").then((m) => m.default),
  },
});
