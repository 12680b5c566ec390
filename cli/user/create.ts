import { defineCommand } from "citty";
import { createUser } from "../../src/users/service.ts";
import { io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { userArg } from "./_format.ts";
import { obtainPassword, passwordArgs, showGenerated } from "./_password.ts";

export default defineCommand({
  meta: { name: "create", description: "Create a user (asks for the password twice unless --password-stdin or --generate)" },
  args: {
    ...userArg,
    admin: { type: "boolean", description: "Make the user an administrator" },
    email: { type: "string", description: "E-mail address", valueHint: "address" },
    "display-name": { type: "string", description: "Display name", valueHint: "text" },
    note: { type: "string", description: "Note", valueHint: "text" },
    ...passwordArgs,
    ...configArgs,
  },
  run: action(async (args) => {
    const { password, generated } = await obtainPassword(args);
    const user = await withData(args, (ctx) =>
      createUser(ctx, {
        name: args.name,
        password,
        email: args.email,
        displayName: args["display-name"],
        note: args.note,
        isAdmin: Boolean(args.admin),
      }),
    );
    io.out(`created ${user.isAdmin ? "admin" : "user"} ${user.name} (${user.guid})\n`);
    if (generated) showGenerated(user.name, password);
  }),
});
