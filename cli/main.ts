#!/usr/bin/env bun
// The rdconsole executable: `serve` runs the server; every other verb administers it in-process.
import { defineCommand, runMain } from "citty";
import { VERSION, versionLine } from "../src/core/version.ts";
import { io } from "./_io.ts";

export const main = defineCommand({
  meta: { name: "rdconsole", version: VERSION, description: "Console API server for RustDesk" },
  subCommands: {
    serve: () => import("./serve.ts").then((m) => m.default),
    user: () => import("./user/index.ts").then((m) => m.default),
    group: () => import("./group/index.ts").then((m) => m.default),
    device: () => import("./device/index.ts").then((m) => m.default),
    audit: () => import("./audit/index.ts").then((m) => m.default),
    recording: () => import("./recording/index.ts").then((m) => m.default),
    "device-group": () => import("./device-group/index.ts").then((m) => m.default),
    ab: () => import("./ab/index.ts").then((m) => m.default),
    session: () => import("./session/index.ts").then((m) => m.default),
    ban: () => import("./ban/index.ts").then((m) => m.default),
    lockout: () => import("./lockout/index.ts").then((m) => m.default),
    smtp: () => import("./smtp/index.ts").then((m) => m.default),
    notify: () => import("./notify/index.ts").then((m) => m.default),
    sso: () => import("./sso/index.ts").then((m) => m.default),
    config: () => import("./config/index.ts").then((m) => m.default),
    version: () => import("./version.ts").then((m) => m.default),
  },
});

if (import.meta.main) {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) io.out(`${versionLine()}\n`);
  else await runMain(main);
  process.exitCode = io.exitCode;
}
