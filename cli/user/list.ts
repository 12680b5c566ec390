import { defineCommand } from "citty";
import { listUsers } from "../../src/users/service.ts";
import { io, printJson, table } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { STATUS_NAME, userJson } from "./_format.ts";

export default defineCommand({
  meta: { name: "list", description: "List users" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const users = await withData(args, listUsers);
    if (args.json) return printJson(users.map(userJson));
    const rows = users.map((u) => [u.name, u.isAdmin ? "yes" : "", STATUS_NAME[u.status], u.email, u.displayName]);
    io.out(table(["NAME", "ADMIN", "STATUS", "EMAIL", "DISPLAY NAME"], rows));
  }),
});
