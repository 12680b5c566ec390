import { defineCommand } from "citty";
import { sendTestMail } from "../../src/mail/test-message.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, loadCliConfig } from "../_shared.ts";

export default defineCommand({
  meta: { name: "test", description: "Send a test e-mail with the [smtp] settings" },
  args: { address: { type: "positional", description: "Recipient", required: true }, ...configArgs },
  run: action(async (args) => {
    const { config } = loadCliConfig(args);
    const sent = await sendTestMail(config.smtp, args.address);
    if (!sent.ok) throw new CliError(sent.error);
    io.out(`sent a test message to ${args.address} via ${config.smtp.host}:${config.smtp.port}\n`);
  }),
});
