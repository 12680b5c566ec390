#!/usr/bin/env bun
// The rdconsole executable: `serve` runs the server; every other verb administers it in-process.
import { defineCommand } from "citty";
import { VERSION } from "../src/core/version.ts";
import { exitQuietlyWhenStdoutCloses, io } from "./_io.ts";
import { runArgv } from "./_run.ts";

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
    strategy: () => import("./strategy/index.ts").then((m) => m.default),
    ab: () => import("./ab/index.ts").then((m) => m.default),
    token: () => import("./token/index.ts").then((m) => m.default),
    session: () => import("./session/index.ts").then((m) => m.default),
    ban: () => import("./ban/index.ts").then((m) => m.default),
    lockout: () => import("./lockout/index.ts").then((m) => m.default),
    smtp: () => import("./smtp/index.ts").then((m) => m.default),
    notify: () => import("./notify/index.ts").then((m) => m.default),
    settings: () => import("./settings/index.ts").then((m) => m.default),
    sso: () => import("./sso/index.ts").then((m) => m.default),
    config: () => import("./config/index.ts").then((m) => m.default),
    doctor: () => import("./doctor.ts").then((m) => m.default),
    "client-config": () => import("./client-config.ts").then((m) => m.default),
    version: () => import("./version.ts").then((m) => m.default),
  },
});

/** Runs the command line (the compiled binary's generated entry calls this after embedding the console). */
export async function start(): Promise<void> {
  exitQuietlyWhenStdoutCloses();
  await runArgv(main, process.argv.slice(2));
  process.exitCode = io.exitCode;
}

if (import.meta.main) await start();
