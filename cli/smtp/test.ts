import { defineCommand } from "citty";
import { createMailer } from "../../src/mail/mailer.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, loadCliConfig } from "../_shared.ts";

export default defineCommand({
  meta: { name: "test", description: "Send a test e-mail with the [smtp] settings" },
  args: { address: { type: "positional", description: "Recipient", required: true }, ...configArgs },
  run: action(async (args) => {
    const { config } = loadCliConfig(args);
    const mailer = createMailer(config.smtp);
    if (!mailer.enabled) throw new CliError("smtp.host is not set");
    try {
      await mailer.send({ to: args.address, subject: "rdconsole test message", text: "This is a test message from rdconsole. E-mail works.\n" });
    } catch (e) {
      const cause = (e as Error).cause;
      throw new CliError(`sending failed: ${cause instanceof Error ? cause.message : (e as Error).message}`);
    }
    io.out(`sent a test message to ${args.address} via ${config.smtp.host}:${config.smtp.port}\n`);
  }),
});
