import { defineCommand } from "citty";
import { keysJson, keysText } from "../../src/strategies/keys-format.ts";
import { io, printJson } from "../_io.ts";
import { action, jsonArg } from "../_shared.ts";

export default defineCommand({
  meta: { name: "keys", description: "Every client option a strategy can set: kind, allowed values, what it does" },
  args: { ...jsonArg },
  run: action((args) => (args.json ? printJson(keysJson()) : io.out(keysText()))),
});
