import { defineCommand } from "citty";
import { BUILD, versionLine } from "../src/core/version.ts";
import { io, printJson } from "./_io.ts";
import { jsonArg } from "./_shared.ts";

export default defineCommand({
  meta: { name: "version", description: "Print version and build information" },
  args: { ...jsonArg },
  run: ({ args }) => (args.json ? printJson(BUILD) : io.out(`${versionLine()}\n`)),
});
