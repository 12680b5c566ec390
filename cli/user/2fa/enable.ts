import { defineCommand } from "citty";
import { renderUnicodeCompact } from "uqr";
import { beginTotp, confirmTotp, enrolTotpUnconfirmed } from "../../../src/auth/totp.ts";
import { ServiceError } from "../../../src/core/errors.ts";
import { CliError, io } from "../../_io.ts";
import { action, configArgs, withData } from "../../_shared.ts";
import { userArg } from "../_format.ts";

const TRIES = 3;

export default defineCommand({
  meta: { name: "enable", description: "Enrol an authenticator app: prints a QR code, asks for a first code, prints recovery codes" },
  args: {
    ...userArg,
    confirm: { type: "boolean", default: true, description: "Ask for a first code before turning 2FA on (--no-confirm for scripted setups)" },
    ...configArgs,
  },
  run: action(async (args) => {
    const codes = await withData(args, async (ctx) => {
      const show = ({ secret, uri }: { secret: string; uri: string }) =>
        io.out(`Scan this with an authenticator app (or enter the key by hand):\n\n${renderUnicodeCompact(uri)}\n\nkey: ${secret}\nuri: ${uri}\n\n`);
      if (!args.confirm) {
        const enrolled = enrolTotpUnconfirmed(ctx, args.name);
        show(enrolled);
        return enrolled.codes;
      }
      show(beginTotp(ctx, args.name));
      if (!io.isTTY()) throw new CliError("no terminal to ask for the first code on: use --no-confirm");
      for (let attempt = 1; ; attempt++) {
        const code = (await io.readLine("Code from the app: ", true)).trim();
        try {
          return confirmTotp(ctx, args.name, code);
        } catch (e) {
          if (!(e instanceof ServiceError) || e.code !== "INVALID_INPUT" || attempt >= TRIES) throw e;
          io.err(`${e.message}\n`);
        }
      }
    });
    io.out(`two-factor authentication is on for ${args.name}.\nRecovery codes (each works once in place of a code; store them now):\n${codes.map((c) => `  ${c}`).join("\n")}\n`);
  }),
});
