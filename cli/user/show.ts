import { defineCommand } from "citty";
import { lockedAccounts } from "../../src/auth/lockout-store.ts";
import { totpStates } from "../../src/auth/totp.ts";
import { getUser } from "../../src/users/service.ts";
import { io, printJson } from "../_io.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { STATUS_NAME, userArg, userJson } from "./_format.ts";

export default defineCommand({
  meta: { name: "show", description: "Show one user" },
  args: { ...userArg, ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const { user, tfa, lockedUntil } = await withData(args, (ctx) => {
      const user = getUser(ctx, args.name);
      return { user, tfa: totpStates(ctx).get(user.guid) ?? ("off" as const), lockedUntil: lockedAccounts(ctx).get(user.name.toLowerCase()) };
    });
    const j = userJson(user, tfa, lockedUntil);
    if (args.json) return printJson(j);
    const lines: [string, string][] = [
      ["name", j.name],
      ["guid", j.guid],
      ["display name", j.display_name],
      ["e-mail", j.email],
      ["admin", j.is_admin ? "yes" : "no"],
      ["status", STATUS_NAME[user.status]],
      ["password", j.has_password ? "set" : "none"],
      ["2fa", tfa],
      ["2fa enforced", j.tfa_enforced ? "yes" : "no"],
      ["e-mail codes", j.email_verification ? "on" : "off"],
      ["locked", j.locked_until === null ? "no" : `until ${j.locked_until} (user unlock)`],
      ["note", j.note],
      ["created", j.created_at],
      ["updated", j.updated_at],
    ];
    io.out(lines.map(([k, v]) => `${k.padEnd(13)} ${v}`).join("\n") + "\n");
  }),
});
