import { defineCommand } from "citty";
import { createLogger } from "../src/core/log.ts";
import { serveUntilSignal } from "../src/server.ts";
import { action, configArgs, loadCliConfig } from "./_shared.ts";

export default defineCommand({
  meta: { name: "serve", description: "Run the server until SIGTERM/SIGINT" },
  args: {
    ...configArgs,
    host: { type: "string", description: "Listen address (overrides server.host)", valueHint: "addr" },
    port: { type: "string", description: "Listen port (overrides server.port)", valueHint: "n" },
  },
  run: action(async (args) => {
    const loaded = loadCliConfig(args, { "server.host": args.host, "server.port": args.port });
    await serveUntilSignal(loaded, createLogger(loaded.config.log));
  }),
});
