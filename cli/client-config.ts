// `rdconsole client-config`: the settings string a RustDesk client imports, and its QR code for the mobile app.
import { writeFileSync } from "node:fs";
import { defineCommand } from "citty";
import { encodeConfigString } from "../src/enrolment/config-string.ts";
import { configQr } from "../src/enrolment/qr.ts";
import { resolveSettings } from "../src/enrolment/settings.ts";
import { CliError, io, printJson } from "./_io.ts";
import { action, configArgs, jsonArg, loadCliConfig } from "./_shared.ts";

export default defineCommand({
  meta: { name: "client-config", description: "Print the server settings string a RustDesk client imports (with --config or Import), and its QR code" },
  args: {
    ...configArgs,
    "id-server": { type: "string", description: "ID server (hbbs), host or host:port (default: rustdesk.id_server)", valueHint: "host" },
    relay: { type: "string", description: "Relay server (hbbr) (default: rustdesk.relay_server; empty: derived by the client)", valueHint: "host" },
    api: { type: "string", description: "API server URL, this server (default: server.public_url)", valueHint: "url" },
    key: { type: "string", description: "hbbs's public key, base64 (default: rustdesk.key)", valueHint: "key" },
    "key-file": { type: "string", description: "File holding hbbs's public key, e.g. id_ed25519.pub (default: rustdesk.key_file)", valueHint: "file" },
    png: { type: "string", description: "Also save the QR code as a PNG image", valueHint: "file" },
    ...jsonArg,
  },
  run: action((args: { config?: string; "data-dir"?: string; "id-server"?: string; relay?: string; api?: string; key?: string; "key-file"?: string; png?: string; json?: boolean }) => {
    const { config } = loadCliConfig(args);
    const { settings, keyFrom } = resolveSettings(config, { idServer: args["id-server"], relay: args.relay, api: args.api, key: args.key, keyFile: args["key-file"] });
    const configString = encodeConfigString(settings);
    const qr = configQr(configString);
    if (args.png !== undefined) {
      try {
        writeFileSync(args.png, qr.png());
      } catch (e) {
        throw new CliError(`cannot write ${args.png}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
    if (args.json) {
      printJson({ config_string: configString, qr_text: qr.content, host: settings.idServer, relay: settings.relayServer, api: settings.apiServer, key: settings.key, key_from: keyFrom, png: args.png ?? null });
      return;
    }
    const colour = io.stdoutIsTTY() && !process.env.NO_COLOR;
    io.out(`ID server   ${settings.idServer}\nRelay       ${settings.relayServer || "(derived from the ID server)"}\nAPI         ${settings.apiServer}\nKey         ${settings.key} (from ${keyFrom})\n\n`);
    io.out(`Config string (desktop: Settings → Network → ID/Relay server → Import server config; or rustdesk --config <string>):\n${configString}\n\n`);
    io.out("QR code (mobile: Settings → ID/Relay server → scan):\n");
    io.rawOut(qr.terminal(colour));
    if (args.png !== undefined) io.out(`\nQR code saved to ${args.png}\n`);
  }),
});
