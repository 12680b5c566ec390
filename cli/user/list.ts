import { defineCommand } from "citty";
import { lockedAccounts } from "../../src/auth/lockout-store.ts";
import { totpStates } from "../../src/auth/totp.ts";
import { listUsers } from "../../src/users/service.ts";
import { printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { STATUS_NAME, userJson } from "./_format.ts";
import { printTable } from "../_list.ts";

export default defineCommand({
  meta: { name: "list", description: "List users" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { users, tfa, locked } = await withData(args, (ctx) => ({ users: listUsers(ctx), tfa: totpStates(ctx), locked: lockedAccounts(ctx) }));
    const tfaOf = (guid: string) => tfa.get(guid) ?? "off";
    if (args.json) return printJson(users.map((u) => userJson(u, tfaOf(u.guid), locked.get(u.name.toLowerCase()))));
    const rows = users.map((u) => [u.name, u.isAdmin ? "yes" : "", STATUS_NAME[u.status], tfaOf(u.guid), locked.has(u.name.toLowerCase()) ? "yes" : "", u.email, u.displayName]);
    printTable(["NAME", "ADMIN", "STATUS", "2FA", "LOCKED", "EMAIL", "DISPLAY NAME"], rows);
  }),
});
