import { defineCommand } from "citty";
import { updateUser, type UpdateUserInput } from "../../src/users/service.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { onOff } from "../_values.ts";
import { userArg } from "./_format.ts";

export default defineCommand({
  meta: { name: "set", description: "Change a user's e-mail, display name, note, admin flag or e-mail verification" },
  args: {
    ...userArg,
    email: { type: "string", description: 'E-mail address ("" to clear)', valueHint: "address" },
    "display-name": { type: "string", description: "Display name", valueHint: "text" },
    note: { type: "string", description: "Note", valueHint: "text" },
    admin: { type: "string", description: "Administrator: on or off", valueHint: "on|off" },
    "email-verification": { type: "string", description: "Ask for an e-mailed code at every login: on or off", valueHint: "on|off" },
    ...configArgs,
  },
  run: action(async (args) => {
    const input: UpdateUserInput = {
      email: args.email,
      displayName: args["display-name"],
      note: args.note,
      isAdmin: args.admin === undefined ? undefined : onOff("admin", args.admin),
      emailVerification: args["email-verification"] === undefined ? undefined : onOff("email-verification", args["email-verification"]),
    };
    if (Object.values(input).every((v) => v === undefined)) throw new CliError("nothing to change: pass --email, --display-name, --note, --admin or --email-verification");
    const user = await withData(args, (ctx) => updateUser(ctx, args.name, input));
    io.out(`user ${user.name} updated\n`);
  }),
});
